"""Reader-facing names of registry codes."""

LEVELS = {"trung-uong": "Trung ương", "tinh": "Cấp tỉnh", "huyen": "Cấp huyện", "xa": "Cấp xã"}
SCOPES = {"toan-quoc": "Toàn quốc", "nganh": "Ngành Tư pháp", "dia-phuong": "Địa phương"}
