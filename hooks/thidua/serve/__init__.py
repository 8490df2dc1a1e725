"""`make serve`: what is kept between rebuilds (records, pages, staged files), each checked against its inputs."""
