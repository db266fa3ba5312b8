// The dyad explorer: pick two actors, see their series, click a period for its events and an
// event for its evidence (the article with the supporting sentence, actors and trigger marked).
import { enc, get } from "./api.js";
import { drawSeries, QUADS } from "./chart.js";
import { $, append, clear, el, fmt } from "./dom.js";

const SEARCH_DELAY_MS = 150;
const WEEK_DAYS = 7;
const state = { a: null, b: null, periods: [], freq: "week" };

function addDays(iso, days) {
  const day = new Date(`${iso}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + days);
  return day.toISOString().slice(0, 10);
}

function periodEnd(start, freq) {
  if (freq === "week") return addDays(start, WEEK_DAYS - 1);
  const day = new Date(`${start}T00:00:00Z`);
  day.setUTCMonth(day.getUTCMonth() + 1);
  day.setUTCDate(0);
  return day.toISOString().slice(0, 10);
}

function picker(input, list) {
  let timer = null;
  const choose = (hit) => {
    input.value = hit.key;
    clear(list);
  };
  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      const q = input.value.trim();
      if (!q) return clear(list);
      const { actors } = await get("/api/actors", { q, limit: 8 });
      clear(list);
      for (const hit of actors) {
        const option = el("li", { role: "option" },
          el("button", { type: "button", class: "suggestion", "data-key": hit.key,
            onclick: () => choose(hit) },
          el("strong", {}, hit.key), " ", hit.name || "", " ",
          el("span", { class: "count" }, `${hit.events} events`)));
        list.append(option);
      }
    }, SEARCH_DELAY_MS);
  });
  input.addEventListener("keydown", (event) => {
    if (event.key === "ArrowDown" && list.querySelector("button")) {
      event.preventDefault();
      list.querySelector("button").focus();
    } else if (event.key === "Escape") clear(list);
  });
}

export function initExplorer() {
  picker($("#actor-a"), $("#actor-a-list"));
  picker($("#actor-b"), $("#actor-b-list"));
  $("#dyad-form").addEventListener("submit", (event) => {
    event.preventDefault();
    const a = $("#actor-a").value.trim().toUpperCase();
    const b = $("#actor-b").value.trim().toUpperCase();
    clear($("#actor-a-list"));
    clear($("#actor-b-list"));
    if (a && b) showDyad(a, b);
  });
  const legend = $("#legend");
  for (const [key, label] of QUADS) {
    append(legend, [el("span", { class: `swatch ${key}` }), label, " "]);
  }
  append(legend, [el("span", { class: "swatch band" }), "interval over stories ",
    el("span", { class: "swatch alert" }), "alert"]);
}

export async function showDyad(a, b) {
  const freq = $("#freq-month").checked ? "month" : "week";
  Object.assign(state, { a, b, freq });
  $("#actor-a").value = a;
  $("#actor-b").value = b;
  history.replaceState(null, "", `#dyad=${enc(a)},${enc(b)}`);
  const chart = clear($("#chart"));
  $("#chart-title").textContent = `${a} – ${b}: loading…`;
  clear($("#events"));
  clear($("#evidence"));
  $("#events-hint").hidden = false;
  $("#evidence-hint").hidden = false;
  const [series, { alerts }] = await Promise.all([
    get(`/api/dyads/${enc(a)}/${enc(b)}/series`, { freq }),
    get("/api/alerts"),
  ]);
  state.periods = series.periods;
  const stories = series.periods.reduce((n, p) => n + p.stories, 0);
  const events = series.periods.reduce((n, p) => n + p.events, 0);
  $("#chart-title").textContent = series.periods.length
    ? `${a} – ${b}: ${events} counted events from ${stories} independent stories, per ${freq}`
    : `${a} – ${b}`;
  if (!series.periods.length) {
    chart.append(el("p", { class: "empty" },
      `No counted events between ${a} and ${b}. Try the actor search, or the network view.`));
    return;
  }
  const mine = alerts.filter((x) => [x.a, x.b].sort().join() === [a, b].sort().join());
  const width = Math.max(480, chart.clientWidth || 900);
  drawSeries(chart, series.periods, freq === "week" ? mine : [],
    { width, unit: freq, onSelect: (period, target) => selectPeriod(period, target) });
}

async function selectPeriod(period, target) {
  for (const node of document.querySelectorAll("#chart .hit.selected")) {
    node.classList.remove("selected");
  }
  target.classList.add("selected");
  const until = periodEnd(period.start, state.freq);
  const { events, total } = await get("/api/events", {
    dyad: `${state.a},${state.b}`, since: period.start, until, counted_only: true, limit: 200,
  });
  const list = clear($("#events"));
  $("#events-hint").hidden = true;
  $("#events-heading").textContent = `Events, ${state.freq} of ${period.start} (${total})`;
  if (!events.length) {
    list.append(el("li", { class: "empty" }, "No dated events in this period."));
    return;
  }
  for (const event of events) {
    list.append(el("li", {}, el("button", {
      type: "button", class: `event q${event.quad_class}`, "data-event": event.event_id,
      onclick: (e) => showEvidence(event.event_id, e.currentTarget),
    },
    el("span", { class: "date" }, event.date || "—"), " ",
    el("strong", {}, actorLabel(event.source)), " ",
    el("span", { class: "code" }, `${event.cameo} ${event.cameo_label || ""}`), " ",
    el("strong", {}, actorLabel(event.target)),
    el("span", { class: "sentence" }, event.evidence.sentence))));
  }
}

function actorLabel(actor) {
  return actor ? actor.code || actor.text : "—";
}

// The sentence split around its marks: actors (source, target) and the trigger, first match each.
function markedSentence(sentence, event) {
  const marks = [];
  const add = (text, cls) => {
    if (!text) return;
    const at = sentence.indexOf(text);
    if (at < 0) return;
    if (marks.some((m) => at < m.end && at + text.length > m.start)) return;
    marks.push({ start: at, end: at + text.length, cls });
  };
  add(event.evidence.trigger, "trigger");
  add(event.source && event.source.text, "actor source");
  add(event.target && event.target.text, "actor target");
  marks.sort((x, y) => x.start - y.start);
  const parts = [];
  let at = 0;
  for (const mark of marks) {
    parts.push(sentence.slice(at, mark.start));
    parts.push(el("span", { class: mark.cls }, sentence.slice(mark.start, mark.end)));
    at = mark.end;
  }
  parts.push(sentence.slice(at));
  return parts;
}

export async function showEvidence(eventId, button) {
  for (const node of document.querySelectorAll("#events button.current")) {
    node.classList.remove("current");
  }
  if (button) button.classList.add("current");
  const { event, article } = await get(`/api/events/${enc(eventId)}`);
  const box = clear($("#evidence"));
  $("#evidence-hint").hidden = true;
  const { start, end } = event.evidence;
  const text = article.text;
  const mark = el("mark", { id: "evidence-sentence", tabindex: -1 },
    markedSentence(text.slice(start, end), event));
  box.append(
    el("h3", { class: "title" }, article.title || article.doc_ref),
    el("p", { class: "meta" }, [article.outlet, article.published].filter(Boolean).join(" · ")),
    el("p", { class: "summary" },
      el("span", { class: "actor source" }, actorLabel(event.source)), " ",
      `${event.cameo} ${event.cameo_label || ""}`, " ",
      el("span", { class: "actor target" }, actorLabel(event.target)),
      `  ·  confidence ${fmt(event.confidence, 2).replace("+", "")}  ·  Goldstein ${fmt(event.goldstein)}`),
    el("div", { class: "article" }, text.slice(0, start), mark, text.slice(end)),
  );
  mark.scrollIntoView({ block: "nearest" });
  if (event.story_id) {
    const story = await get(`/api/stories/${enc(event.story_id)}`);
    const copies = story.articles.flatMap((a) => a.copies);
    const others = el("ul", { class: "outlets" });
    for (const copy of copies) {
      others.append(el("li", {}, el("strong", {}, copy.outlet || "unknown outlet"), " ",
        copy.title || copy.doc_ref, copy.published ? ` (${copy.published})` : ""));
    }
    box.append(el("h4", {}, `Carried by ${copies.length} document${copies.length === 1 ? "" : "s"}` +
      " in this story"), others);
  }
}
