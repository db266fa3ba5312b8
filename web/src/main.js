// Faultline dashboard: tabs, the store's status and the first dyad shown.
import { get } from "./api.js";
import { $, clear, el } from "./dom.js";
import { initExplorer, showDyad } from "./explorer.js";
import { drawAlerts, drawMap, drawNetwork } from "./views.js";

const drawn = new Set();

function currentDyad() {
  const a = $("#actor-a").value.trim().toUpperCase();
  const b = $("#actor-b").value.trim().toUpperCase();
  return a && b ? `${a},${b}` : null;
}

function choose(a, b) {
  switchView("explorer");
  if (b) showDyad(a, b);
  else {
    $("#actor-a").value = a;
    $("#actor-b").value = "";
    $("#actor-b").focus();
  }
}

async function switchView(name) {
  for (const button of document.querySelectorAll("#tabs button")) {
    button.setAttribute("aria-pressed", String(button.dataset.view === name));
  }
  for (const view of document.querySelectorAll(".view")) {
    view.hidden = view.id !== `view-${name}`;
  }
  try {
    if (name === "alerts" && !drawn.has(name)) await drawAlerts(choose);
    if (name === "network" && !drawn.has(name)) await drawNetwork((id) => choose(id));
    if (name === "map") await drawMap(currentDyad());
    drawn.add(name);
  } catch (error) {
    showError(error);
  }
}

function showError(error) {
  $("#store-status").textContent = `Error: ${error.message}`;
}

async function start() {
  initExplorer();
  for (const button of document.querySelectorAll("#tabs button")) {
    button.addEventListener("click", () => switchView(button.dataset.view));
  }
  const health = await get("/api/health");
  $("#store-status").textContent = `${health.counted_events} counted events · ` +
    `${health.stories} stories · ${health.articles} articles`;
  if (!health.counted_events) {
    $("#empty").hidden = false;
    for (const view of document.querySelectorAll(".view")) view.hidden = true;
    clear($("#tabs")).append(el("span", { class: "hint" }, "Nothing to show yet."));
    return;
  }
  const wanted = /^#dyad=([^,]+),(.+)$/.exec(location.hash);
  if (wanted) return showDyad(decodeURIComponent(wanted[1]), decodeURIComponent(wanted[2]));
  const { alerts } = await get("/api/alerts");
  if (alerts.length) return showDyad(alerts[0].a, alerts[0].b);
  const { edges } = await get("/api/network");
  if (edges.length) {
    const top = edges.reduce((best, e) => (e.events > best.events ? e : best));
    return showDyad(top.source, top.target);
  }
  $("#chart").append(el("p", { class: "empty" }, "Choose two actors to see their relations."));
}

start().catch(showError);
