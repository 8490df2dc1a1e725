// Deadlines on the home page: the page is static, so "upcoming" is decided in the reader's browser,
// on the day they read it. Without JavaScript every deadline is listed, newest first.
function markDeadlines() {
  const list = document.querySelector(".tdkt-deadlines");
  const status = document.querySelector("[data-tdkt-upcoming]");
  if (!list || !status) return;
  const now = new Date();
  const today = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, "0")}-${String(now.getDate()).padStart(2, "0")}`;
  let upcoming = 0;
  list.querySelectorAll("li[data-date-end]").forEach((item) => {
    const past = item.dataset.dateEnd < today;
    item.classList.toggle("tdkt-past", past);
    if (!past) upcoming += 1;
  });
  status.textContent = upcoming
    ? `Có ${upcoming} thời hạn chưa đến (tính đến hôm nay).`
    : "Hiện không có thời hạn nào sắp tới; các thời hạn dưới đây đã qua.";
  status.hidden = false;
}
if (typeof document$ !== "undefined") {
  document$.subscribe(markDeadlines); // Material's instant navigation
} else {
  document.addEventListener("DOMContentLoaded", markDeadlines);
}
