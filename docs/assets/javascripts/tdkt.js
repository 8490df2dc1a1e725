// Thi đua, khen thưởng: small enhancements. Every page works without them.
// The site is static, so what depends on "today" is decided here, in the reader's browser.

function todayParts() {
  const now = new Date();
  const pad = (n) => String(n).padStart(2, "0");
  return { year: now.getFullYear(), month: now.getMonth() + 1, iso: `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}` };
}

function dayText(iso) {
  const [year, month, day] = iso.split("-").map(Number);
  return `${day}/${month}/${year}`; // as Vietnamese documents write dates: 1/12/2026
}

// Home page: the build folded the deadlines past on the day the data last changed; the ones that have
// passed since, by the reader's day, move into the folded list too, marked "Đã qua" in words.
function markDeadlines() {
  const block = document.querySelector("[data-tdkt-deadlines]");
  if (!block || block.dataset.done) return;
  block.dataset.done = "1";
  const ahead = block.querySelector("[data-tdkt-ahead]");
  const status = block.querySelector("[data-tdkt-upcoming]");
  const { iso } = todayParts();
  let past = block.querySelector("[data-tdkt-past]");
  const moved = [...(ahead ? ahead.querySelectorAll("li[data-date-end]") : [])].filter((item) => item.dataset.dateEnd < iso);
  if (moved.length) {
    if (!past) {
      past = element("details", "", "tdkt-past-deadlines");
      past.dataset.tdktPast = "";
      const summary = element("summary", "Các thời hạn đã qua (");
      const count = element("span", "0");
      count.dataset.tdktPastCount = "";
      summary.append(count, ")");
      past.append(summary, element("ul", "", "tdkt-deadlines"));
      block.append(past);
    }
    const list = past.querySelector("ul");
    moved.reverse().forEach((item) => {
      item.classList.add("tdkt-past");
      item.prepend(element("span", "Đã qua", "tdkt-past-label"), " ");
      list.prepend(item); // the latest first, as the build lists them
    });
    const count = past.querySelector("[data-tdkt-past-count]");
    count.textContent = String(list.children.length);
  }
  const upcoming = ahead ? ahead.children.length : 0;
  if (ahead) ahead.hidden = upcoming === 0;
  status.textContent = upcoming
    ? `Có ${upcoming} thời hạn chưa đến (tính đến hôm nay, ${dayText(iso)}), gần nhất trước:`
    : `Không có thời hạn nào sắp tới (tính đến hôm nay, ${dayText(iso)}).`;
}

function element(tag, text, className) {
  const node = document.createElement(tag);
  if (text) node.textContent = text;
  if (className) node.className = className;
  return node;
}

// Home page: the reader's current month, from the owner's calendar of the current year when there is one
// (another office's otherwise, named), with the month's commemorations (computed at build time for a range
// of years, lunar ones included). A year without a calendar says so and links to the latest one.
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
    return; // keep what the build wrote
  }
  const { year, month } = todayParts();
  const key = `${year}-${String(month).padStart(2, "0")}`;
  const calendar = data.calendars[String(year)];
  const days = data.commemorations[key] || [];
  const box = element("div", "", "tdkt-month-now");
  box.append(element("h3", `Tháng ${month}/${year}`));
  const paragraph = element("p");
  if (calendar) {
    const entry = calendar.months[String(month)];
    const link = element("a", `Lịch tuyên truyền tháng ${month}/${year} của ${calendar.issuer}`);
    link.href = new URL(entry.url, siteRoot).href;
    const whole = element("a", `cả năm ${year}`);
    whole.href = new URL(calendar.url, siteRoot).href;
    paragraph.append(link, " (xem ", whole, ")");
    box.append(paragraph);
    const list = element("ul");
    entry.rows.forEach((row) => row.themes.forEach((theme) => list.append(element("li", theme))));
    if (list.children.length) box.append(list);
  } else {
    const who = data.owner || "Chuyên mục";
    paragraph.append(`${who} chưa có lịch tuyên truyền năm ${year}.`);
    if (data.latest) {
      const link = element("a", `Lịch tuyên truyền năm ${data.latest.year}`);
      link.href = new URL(data.latest.url, siteRoot).href;
      const whose = data.latest.issuer === data.owner ? "" : ` của ${data.latest.issuer}`;
      paragraph.append(" Lịch gần nhất: ", link, `${whose}.`);
    }
    box.append(paragraph);
  }
  if (days.length) {
    box.append(element("p", `Các ngày kỷ niệm trong tháng ${month}/${year}:`));
    const list = element("ul");
    days.forEach((day) => list.append(element("li", `${day.when}: ${day.text}`)));
    box.append(list);
  }
  // What the build wrote (the latest calendar's whole year) gives way to the reader's month.
  block.replaceChildren(box);
}

function wirePrintButtons() {
  document.querySelectorAll("[data-tdkt-print]").forEach((button) => {
    if (button.dataset.wired) return;
    button.dataset.wired = "1";
    button.addEventListener("click", () => window.print());
    button.hidden = false; // shown only once it works: without JavaScript it would do nothing
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
  item.append(element("p", record.recognition, "tdkt-card-meta"));
  // The awards come ranked, the highest first (decided at build time: thidua/awards.py).
  if (record.awards.length) {
    const more = record.awards.length > 2 ? ` (và ${record.awards.length - 2} hình thức khác)` : "";
    item.append(element("p", record.awards.slice(0, 2).join("; ") + more, "tdkt-card-awards"));
  }
  return item;
}

// The filter state lives in the address (?loai=ca-nhan&nam=2025): a filtered view can be shared, survives a
// reload, and Back returns to the previous choice.
function readFilters(form) {
  const params = new URLSearchParams(window.location.search);
  form.querySelectorAll("select").forEach((select) => {
    select.value = params.get(select.name) || "";
    if (select.selectedIndex < 0) select.value = ""; // an unknown value in the address: no filter
  });
}

function filterAddress(form) {
  const params = new URLSearchParams();
  form.querySelectorAll("select").forEach((select) => {
    if (select.value) params.set(select.name, select.value);
  });
  const query = params.toString();
  return `${window.location.pathname}${query ? `?${query}` : ""}${window.location.hash}`;
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
  const panel = document.querySelector("[data-tdkt-filter-panel]");
  const label = panel.querySelector("[data-tdkt-filter-label]");
  const groups = panel.querySelector("[data-tdkt-groups]");
  const list = document.querySelector("[data-tdkt-cards]");
  const status = document.querySelector("[data-tdkt-filter-status]");
  const pager = document.querySelector(".tdkt-pager");
  const more = element("button", "Xem thêm", "md-button");
  more.type = "button";
  let shown = PROFILE_PAGE;
  const records = data.profiles.map((r) => ({ ...r, kindLabel: data.kinds[r.kind] }));
  // The long option lists (movements, units) come with the data, already in Vietnamese alphabetical order.
  const options = { movements: data.movements, units: data.units };
  form.querySelectorAll("select[data-tdkt-options]").forEach((select) => {
    options[select.dataset.tdktOptions].forEach(([value, text]) => {
      const option = element("option", text);
      option.value = value;
      select.append(option);
    });
  });

  function render() {
    const f = Object.fromEntries(new FormData(form));
    const matches = records.filter((r) =>
      (!f.loai || r.kind === f.loai) &&
      (!f.cap || r.level === f.cap) &&
      (!f.nam || r.years.includes(Number(f.nam))) &&
      (!f["phong-trao"] || r.movements.includes(f["phong-trao"])) &&
      (!f["don-vi"] || r.unitKey === f["don-vi"]));
    list.replaceChildren(...matches.slice(0, shown).map((r) => profileCard(r, siteRoot)));
    status.textContent = matches.length ? `${matches.length} điển hình phù hợp.` : "Không có điển hình nào phù hợp với bộ lọc.";
    const active = Object.values(f).filter(Boolean).length;
    label.textContent = active ? `Bộ lọc (${active} đang chọn)` : "Bộ lọc";
    more.hidden = matches.length <= shown;
  }

  function choose() {
    shown = PROFILE_PAGE;
    const address = filterAddress(form);
    if (address !== `${window.location.pathname}${window.location.search}${window.location.hash}`) {
      window.history.pushState({ tdktFilters: true }, "", address);
    }
    render();
  }

  form.hidden = false;
  if (groups) groups.hidden = true; // the filters do what the group pages do without JavaScript
  if (pager) pager.hidden = true;
  document.body.classList.add("tdkt-filtering");
  // Folded on phones (the five lists would fill the first screen), open on wider screens.
  panel.open = window.matchMedia("(min-width: 45em)").matches;
  list.after(more);
  form.addEventListener("change", choose);
  form.addEventListener("reset", () => setTimeout(choose));
  more.addEventListener("click", () => { shown += PROFILE_PAGE; render(); });
  window.addEventListener("popstate", () => { readFilters(form); shown = PROFILE_PAGE; render(); });
  readFilters(form);
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

