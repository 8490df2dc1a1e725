// "In văn bản" on the official print form.
document.querySelectorAll("[data-tdkt-print]").forEach((button) => {
  button.addEventListener("click", () => window.print());
});
