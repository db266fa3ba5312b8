// Alerts list, network view and the offline map.
import { geoNaturalEarth1, geoPath } from "d3-geo";
import { select } from "d3-selection";
import { feature, mesh } from "topojson-client";
import world from "world-atlas/countries-110m.json";
import { get } from "./api.js";
import { $, clear, el, fmt } from "./dom.js";

const MAP_EVENTS = 500;

export async function drawAlerts(onChoose) {
  const body = clear($("#alerts tbody"));
  const { alerts } = await get("/api/alerts");
  if (!alerts.length) {
    body.append(el("tr", {}, el("td", { colspan: 7, class: "empty" },
      "No alerts: no dyad's relations shifted significantly.")));
    return alerts;
  }
  for (const x of alerts) {
    body.append(el("tr", { class: x.direction },
      el("td", {}, el("button", { type: "button", class: "link", onclick: () => onChoose(x.a, x.b) },
        `${x.a} – ${x.b}`)),
      el("td", {}, x.direction), el("td", {}, x.week), el("td", {}, fmt(x.size)),
      el("td", {}, `${fmt(x.mean_before)} → ${fmt(x.mean_after)}`),
      el("td", {}, x.p_value.toPrecision(2)),
      el("td", {}, `${x.stories_before} → ${x.stories_after}`)));
  }
  return alerts;
}

export async function drawNetwork(onChoose) {
  const box = clear($("#network"));
  const { nodes, edges } = await get("/api/network");
  if (!nodes.length) {
    box.append(el("p", { class: "empty" }, "No counted events between two actors yet."));
    return;
  }
  const width = 900;
  const height = 520;
  const radius = Math.min(width, height) / 2 - 60;
  const place = new Map(nodes.map((n, i) => {
    const angle = (2 * Math.PI * i) / nodes.length - Math.PI / 2;
    return [n.id, [width / 2 + radius * Math.cos(angle), height / 2 + radius * Math.sin(angle)]];
  }));
  const svg = select(box).append("svg").attr("viewBox", `0 0 ${width} ${height}`)
    .attr("width", width).attr("height", height).attr("role", "group")
    .attr("aria-label", "Actor network");
  svg.append("g").selectAll("line").data(edges).join("line")
    .attr("class", (e) => `edge ${e.sign > 0 ? "coop" : e.sign < 0 ? "conflict" : "mixed"}`)
    .attr("x1", (e) => place.get(e.source)[0]).attr("y1", (e) => place.get(e.source)[1])
    .attr("x2", (e) => place.get(e.target)[0]).attr("y2", (e) => place.get(e.target)[1])
    .attr("stroke-width", (e) => 1 + Math.log2(e.events))
    .append("title")
    .text((e) => `${e.source} → ${e.target}: ${e.cooperation} cooperative, ${e.conflict} ` +
      `conflictual events from ${e.stories} stories`);
  const node = svg.append("g").selectAll("g").data(nodes).join("g")
    .attr("class", "node").attr("tabindex", 0).attr("role", "button")
    .attr("aria-label", (n) => `${n.id}: ${n.events} events`)
    .attr("transform", (n) => `translate(${place.get(n.id)})`)
    .on("click", (_, n) => onChoose(n.id))
    .on("keydown", (event, n) => {
      if (event.key === "Enter") onChoose(n.id);
    });
  node.append("circle").attr("r", (n) => 6 + Math.sqrt(n.events) * 2);
  node.append("text").attr("dy", -14).attr("text-anchor", "middle").text((n) => n.id);
}

export async function drawMap(dyad) {
  const box = clear($("#map"));
  const params = { counted_only: true, limit: MAP_EVENTS };
  if (dyad) params.dyad = dyad;
  const { events, total } = await get("/api/events", params);
  const places = new Map();
  for (const event of events) {
    const loc = event.location;
    if (!loc || loc.lat === null || loc.lon === null) continue;
    const key = `${loc.lat},${loc.lon}`;
    const entry = places.get(key) || { ...loc, count: 0 };
    entry.count += 1;
    places.set(key, entry);
  }
  $("#map-hint").textContent = `${places.size} places from ${Math.min(total, MAP_EVENTS)} of ` +
    `${total} counted events${dyad ? ` between ${dyad.replace(",", " and ")}` : ""}` +
    " (outline: Natural Earth, bundled; nothing is fetched).";
  const width = 900;
  const height = 460;
  const land = feature(world, world.objects.countries);
  const projection = geoNaturalEarth1().fitSize([width, height], land);
  const path = geoPath(projection);
  const svg = select(box).append("svg").attr("viewBox", `0 0 ${width} ${height}`)
    .attr("width", width).attr("height", height).attr("role", "img")
    .attr("aria-label", "Map of event locations");
  svg.append("path").datum(land).attr("class", "land").attr("d", path);
  svg.append("path").datum(mesh(world, world.objects.countries, (a, b) => a !== b))
    .attr("class", "borders").attr("d", path);
  svg.append("g").selectAll("circle").data([...places.values()]).join("circle")
    .attr("class", "place")
    .attr("transform", (p) => `translate(${projection([p.lon, p.lat])})`)
    .attr("r", (p) => 3 + 2 * Math.sqrt(p.count))
    .append("title").text((p) => `${p.name}${p.country ? ` (${p.country})` : ""}: ${p.count} events`);
}
