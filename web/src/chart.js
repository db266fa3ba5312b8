// The dyad chart: events per period by quad class (stacked bars), the mean Goldstein score
// with its interval over stories (line and band), alerts as dashed rules. Each period is a
// focusable target: click or Enter selects it.
import { axisBottom, axisLeft } from "d3-axis";
import { scaleBand, scaleLinear } from "d3-scale";
import { select } from "d3-selection";
import { area, line } from "d3-shape";

export const QUADS = [
  ["q1", "verbal cooperation"],
  ["q2", "material cooperation"],
  ["q3", "verbal conflict"],
  ["q4", "material conflict"],
];

const MARGIN = { top: 12, right: 16, bottom: 28, left: 44 };
const GAP = 26;

export function drawSeries(container, periods, alerts, { width, onSelect, unit }) {
  const bars = 130;
  const lines = 150;
  const height = MARGIN.top + bars + GAP + lines + MARGIN.bottom;
  const svg = select(container).append("svg")
    .attr("viewBox", `0 0 ${width} ${height}`).attr("width", width).attr("height", height)
    .attr("role", "group").attr("aria-label", `Series per ${unit}`);
  const inner = width - MARGIN.left - MARGIN.right;
  const x = scaleBand().domain(periods.map((p) => p.start)).range([0, inner]).padding(0.15);
  const maxEvents = Math.max(1, ...periods.map((p) => p.events));
  const yBars = scaleLinear().domain([0, maxEvents]).nice().range([bars, 0]);
  const yG = scaleLinear().domain([-10, 10]).range([lines, 0]);
  const top = svg.append("g").attr("transform", `translate(${MARGIN.left},${MARGIN.top})`);
  const bottom = svg.append("g")
    .attr("transform", `translate(${MARGIN.left},${MARGIN.top + bars + GAP})`);
  const ticks = x.domain().filter((_, i, all) => i % Math.ceil(all.length / 8) === 0);

  top.append("g").attr("class", "axis").call(axisLeft(yBars).ticks(4));
  top.append("text").attr("class", "axis-label").attr("x", 4).attr("y", 8).text("counted events");
  const stack = top.append("g");
  for (const period of periods) {
    let base = 0;
    for (const [key] of QUADS) {
      const value = period[key];
      if (!value) continue;
      stack.append("rect").attr("class", `bar ${key}`).attr("x", x(period.start))
        .attr("width", x.bandwidth()).attr("y", yBars(base + value))
        .attr("height", yBars(base) - yBars(base + value));
      base += value;
    }
  }

  bottom.append("g").attr("class", "axis").call(axisLeft(yG).ticks(5));
  bottom.append("g").attr("class", "axis").attr("transform", `translate(0,${lines})`)
    .call(axisBottom(x).tickValues(ticks));
  bottom.append("text").attr("class", "axis-label").attr("x", 4).attr("y", 8)
    .text("mean Goldstein, 95% interval over stories");
  bottom.append("line").attr("class", "zero").attr("x1", 0).attr("x2", inner)
    .attr("y1", yG(0)).attr("y2", yG(0));
  const centre = (p) => x(p.start) + x.bandwidth() / 2;
  const seen = periods.filter((p) => p.mean_goldstein !== null);
  bottom.append("path").datum(seen).attr("class", "band")
    .attr("d", area().x(centre).y0((p) => yG(p.goldstein_low)).y1((p) => yG(p.goldstein_high)));
  bottom.append("path").datum(seen).attr("class", "mean")
    .attr("d", line().x(centre).y((p) => yG(p.mean_goldstein)));
  bottom.selectAll("circle.point").data(seen).join("circle").attr("class", "point")
    .attr("cx", centre).attr("cy", (p) => yG(p.mean_goldstein))
    .attr("r", (p) => Math.min(7, 2.5 + Math.sqrt(p.stories)));

  for (const alert of alerts) {
    if (x(alert.week) === undefined) continue;
    const at = MARGIN.left + x(alert.week);
    const rule = svg.append("g").attr("class", `alert ${alert.direction}`);
    rule.append("line").attr("x1", at).attr("x2", at).attr("y1", MARGIN.top)
      .attr("y2", MARGIN.top + bars + GAP + lines);
    rule.append("text").attr("x", at + 4).attr("y", MARGIN.top + bars + GAP - 6)
      .text(`${alert.direction} from ${alert.week} (${alert.size > 0 ? "+" : ""}${alert.size})`);
  }

  const targets = svg.append("g").attr("transform", `translate(${MARGIN.left},${MARGIN.top})`);
  const full = x.step();
  targets.selectAll("rect").data(periods).join("rect")
    .attr("class", "hit").attr("x", (p) => x(p.start) - (full - x.bandwidth()) / 2)
    .attr("width", full).attr("y", 0).attr("height", bars + GAP + lines)
    .attr("tabindex", (p) => (p.events ? 0 : -1)).attr("role", "button")
    .attr("data-start", (p) => p.start)
    .attr("aria-label", (p) => `${unit} of ${p.start}: ${p.events} events, ${p.stories} stories, ` +
      `${p.outlets} outlets`)
    .on("click", (event, p) => onSelect(p, event.currentTarget))
    .on("keydown", (event, p) => {
      if (event.key === "Enter" || event.key === " ") {
        event.preventDefault();
        onSelect(p, event.currentTarget);
      }
    })
    .append("title")
    .text((p) => `${p.start}: ${p.events} events from ${p.stories} stories (${p.outlets} outlets)` +
      (p.mean_goldstein === null ? "" :
        `; mean Goldstein ${p.mean_goldstein} [${p.goldstein_low}, ${p.goldstein_high}]`));
  return svg.node();
}
