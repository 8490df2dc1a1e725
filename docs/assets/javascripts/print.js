// "In văn bản" on the official print form.
document.querySelectorAll("[data-tdkt-print]").forEach((button) => {
  button.addEventListener("click", () => window.print());
  button.hidden = false; // the button is in the page hidden: without JavaScript it would do nothing
});
