// Thi đua, khen thưởng: small enhancements. Every page works without them.
// The site is static, so what depends on "today" is decided here, in the reader's browser.

function todayParts() {
  const now = new Date();
  const pad = (n) => String(n).padStart(2, "0");
  return { year: now.getFullYear(), month: now.getMonth() + 1, iso: `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}` };
}

// Home page: which deadlines are still ahead.
function markDeadlines() {
  const list = document.querySelector(".tdkt-deadlines");
  const status = document.querySelector("[data-tdkt-upcoming]");
  if (!list || !status) return;
  const { iso } = todayParts();
  let upcoming = 0;
  list.querySelectorAll("li[data-date-end]").forEach((item) => {
    const past = item.dataset.dateEnd < iso;
    item.classList.toggle("tdkt-past", past);
    if (!past) upcoming += 1;
  });
  status.textContent = upcoming
    ? `Có ${upcoming} thời hạn chưa đến (tính đến hôm nay).`
    : "Hiện không có thời hạn nào sắp tới; các thời hạn dưới đây đã qua.";
  status.hidden = false;
}

function element(tag, text, className) {
  const node = document.createElement(tag);
  if (text) node.textContent = text;
  if (className) node.className = className;
  return node;
}

// Home page: the reader's current month, from the calendar of the current year when there is one,
// with the commemorations of the month (computed at build time for a range of years, lunar ones included).
async function showThisMonth() {
  const block = document.querySelector("[data-tdkt-this-month]");
  if (!block || block.dataset.done) return;
  block.dataset.done = "1";
  const source = new URL(block.dataset.tdktThisMonth, document.baseURI);
  const siteRoot = new URL("../", source); // the data file sits one folder below the site root
  let data;
  try {
    const response = await fetch(source);
    data = await response.json();
  } catch (error) {
    return; // keep the whole-year list
  }
  const { year, month } = todayParts();
  const key = `${year}-${String(month).padStart(2, "0")}`;
  const calendar = data.calendars[String(year)];
  const days = data.commemorations[key] || [];
  const box = element("div", "", "tdkt-month-now");
  box.append(element("h3", `Tháng ${month}/${year}`));
  if (calendar) {
    const entry = calendar.months[String(month)];
    const link = element("a", `Lịch tuyên truyền tháng ${month} (${calendar.issuer})`);
    link.href = new URL(entry.url, siteRoot).href;
    const paragraph = element("p");
    paragraph.append(link);
    box.append(paragraph);
    const list = element("ul");
    entry.rows.forEach((row) => row.themes.forEach((theme) => list.append(element("li", theme))));
    if (list.children.length) box.append(list);
  } else {
    box.append(element("p", `Chưa có kế hoạch tuyên truyền năm ${year}. Các ngày kỷ niệm trong tháng:`));
  }
  if (days.length) {
    const list = element("ul");
    days.forEach((day) => list.append(element("li", `${day.when}: ${day.text}`)));
    box.append(list);
  }
  // The whole-year list stays for readers without JavaScript; here a link to the year page is enough.
  const status = block.querySelector("[data-tdkt-this-month-status]");
  const yearLink = status.querySelector("a");
  if (yearLink) status.replaceChildren("Xem ", yearLink, ".");
  block.querySelector(".tdkt-year-months").hidden = true;
  block.prepend(box);
}

function wirePrintButtons() {
  document.querySelectorAll("[data-tdkt-print]").forEach((button) => {
    if (button.dataset.wired) return;
    button.dataset.wired = "1";
    button.addEventListener("click", () => window.print());
  });
}

// Model examples: filter the listing in the browser (no server). The data is the published profiles'
// compact index; without JavaScript the form stays hidden and the grouped listing pages serve instead.
const PROFILE_PAGE = 24;

function profileCard(record, siteRoot) {
  const item = element("li", "", "tdkt-card");
  if (record.photo) {
    const img = element("img");
    img.src = new URL(record.photo.src, siteRoot).href;
    img.alt = record.photo.alt;
    img.loading = "lazy";
    img.decoding = "async";
    item.append(img);
  }
  const title = element("p", "", "tdkt-card-title");
  const link = element("a", record.name);
  link.href = new URL(record.url, siteRoot).href;
  title.append(link);
  item.append(title);
  const who = [record.kindLabel, record.position, record.unit].filter(Boolean).join(" · ");
  item.append(element("p", who, "tdkt-card-meta"));
  item.append(element("p", `${record.levelLabel}, ${record.when}`, "tdkt-card-meta"));
  if (record.awards.length) item.append(element("p", record.awards.slice(0, 2).join("; "), "tdkt-card-awards"));
  return item;
}

async function wireProfileFilters() {
  const form = document.querySelector("[data-tdkt-filters]");
  if (!form || form.dataset.wired) return;
  form.dataset.wired = "1";
  const source = new URL(form.dataset.tdktFilters, document.baseURI);
  const siteRoot = new URL("../", source);
  let data;
  try {
    data = await (await fetch(source)).json();
  } catch (error) {
    return; // the paginated listing and the grouped pages remain
  }
  const list = document.querySelector("[data-tdkt-cards]");
  const status = document.querySelector("[data-tdkt-filter-status]");
  const pager = document.querySelector(".tdkt-pager");
  const more = element("button", "Xem thêm", "md-button");
  more.type = "button";
  let shown = PROFILE_PAGE;
  const records = data.profiles.map((r) => ({ ...r, kindLabel: data.kinds[r.kind], levelLabel: data.levels[r.level] }));
  // The long option lists (movements, units) come with the data, not in every listing page's HTML.
  const options = { movements: Object.entries(data.movements).sort((a, b) => a[1].localeCompare(b[1], "vi")),
                    units: data.units.map((u) => [u, u]) };
  form.querySelectorAll("select[data-tdkt-options]").forEach((select) => {
    options[select.dataset.tdktOptions].forEach(([value, label]) => {
      const option = element("option", label);
      option.value = value;
      select.append(option);
    });
  });

  function render() {
    const f = Object.fromEntries(new FormData(form));
    const matches = records.filter((r) =>
      (!f.kind || r.kind === f.kind) &&
      (!f.level || r.level === f.level) &&
      (!f.year || r.years.includes(Number(f.year))) &&
      (!f.movement || r.movements.includes(f.movement)) &&
      (!f.unit || r.unit === f.unit));
    list.replaceChildren(...matches.slice(0, shown).map((r) => profileCard(r, siteRoot)));
    status.textContent = matches.length ? `${matches.length} điển hình phù hợp.` : "Không có điển hình nào phù hợp với bộ lọc.";
    more.hidden = matches.length <= shown;
  }

  form.hidden = false;
  if (pager) pager.hidden = true;
  list.after(more);
  form.addEventListener("change", () => { shown = PROFILE_PAGE; render(); });
  form.addEventListener("reset", () => setTimeout(() => { shown = PROFILE_PAGE; render(); }));
  more.addEventListener("click", () => { shown += PROFILE_PAGE; render(); });
  render();
}

function enhance() {
  markDeadlines();
  showThisMonth();
  wirePrintButtons();
  wireProfileFilters();
}

if (typeof document$ !== "undefined") {
  document$.subscribe(enhance); // Material's instant navigation
} else {
  document.addEventListener("DOMContentLoaded", enhance);
}

