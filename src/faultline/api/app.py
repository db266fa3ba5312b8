"""The HTTP API and the dashboard: FastAPI routes over ``faultline.relations`` and the store.

Routes validate input, call one library function and map errors to one JSON shape
(``{"error": {"code", "message"}}``). The store is opened read-only per request (see
``reader``); nothing a client sends becomes SQL text.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from importlib import resources
from pathlib import Path
from typing import Annotated, Any, Literal

from fastapi import Depends, FastAPI, HTTPException, Query, Request
from fastapi import Path as PathParam
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.gzip import GZipMiddleware
from fastapi.responses import FileResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from faultline import __version__
from faultline.api import models as m
from faultline.api.reader import Reader, StoreBusy
from faultline.errors import InputError
from faultline.relations import actors, alerts, network, series
from faultline.store.db import EventFilter, Store, StoreError, event_from_row

log = logging.getLogger(__name__)
log.addHandler(logging.NullHandler())

# Largest page of events or stories one request returns.
MAX_PAGE = 500
DEFAULT_PAGE = 50
# Largest request body (bytes): POST /api/code takes one article.
MAX_BODY = 256 * 1024
# Seconds POST /api/code may take before it answers 504 (the first call loads spaCy).
CODE_SECONDS = 60.0
# Responses smaller than this go uncompressed (gzip would not pay for itself).
GZIP_MIN_BYTES = 1024
STATIC = resources.files("faultline.api") / "static"
CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "connect-src 'self'; font-src 'self'; base-uri 'none'; form-action 'none'; "
       "frame-ancestors 'none'")
SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}
ERRORS: dict[int | str, dict[str, Any]] = {
    code: {"model": m.ErrorBody} for code in (404, 413, 422, 503)
}
ActorCode = Annotated[str, PathParam(min_length=1, max_length=32, pattern=r"^[A-Za-z0-9_]+$")]
Day = Annotated[dt.date | None, Query(description="YYYY-MM-DD")]
Group = Annotated[Literal["country", "code"], Query(
    description="Actors by country (IGOs and groups by code) or by full actor code.")]


def _error(status: int, code: str, message: str) -> JSONResponse:
    return JSONResponse({"error": {"code": code, "message": message}}, status_code=status,
                        headers=SECURITY_HEADERS)



class SecurityHeaders:
    """Add SECURITY_HEADERS to every response (pure ASGI: no per-request task overhead)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                present = {name.lower() for name, _ in message.get("headers", [])}
                extra = [(k.lower().encode(), v.encode()) for k, v in SECURITY_HEADERS.items()
                         if k.lower().encode() not in present]
                message["headers"] = [*message.get("headers", []), *extra]
            await send(message)

        await self.app(scope, receive, with_headers)


class BodyLimit:
    """Refuse request bodies over ``limit`` bytes, declared or streamed, with 413."""

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers") or []).get(b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > self.limit):
            await _error(413, "too-large", f"request body over {self.limit} bytes")(
                scope, receive, send)
            return
        seen = 0

        async def limited() -> Message:
            nonlocal seen
            message = await receive()
            seen += len(message.get("body", b""))
            if seen > self.limit:
                raise HTTPException(413, f"request body over {self.limit} bytes")
            return message

        await self.app(scope, limited, send)


def _day(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def _iso(value: Any) -> str | None:
    return value.isoformat() if isinstance(value, dt.date) else value


def _event(row: dict[str, Any]) -> m.EventOut:
    data = event_from_row(row).to_dict()
    if row.get("counted") is not None:  # the coder's stored decision wins
        data["counted"] = row["counted"]
    return m.EventOut.model_validate(data)


def _rows(store: Store, query: str, params: list[Any]) -> list[dict[str, Any]]:
    cursor = store.con.cursor()
    cursor.execute(query, params)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def _article(row: dict[str, Any]) -> m.ArticleOut:
    return m.ArticleOut(
        article_id=row["article_id"], doc_ref=row["doc_ref"], story_id=row["story_id"],
        url=row["url"], outlet=row["outlet"], title=row["title"],
        published=_iso(row["published"]), text=row["text"])


def _store(request: Request) -> Iterator[Store]:
    """The request's own read-only store, closed when the response is done."""
    with request.app.state.reader.store() as store:
        yield store


StoreDep = Annotated[Store, Depends(_store)]


def create_app(db: str | Path) -> FastAPI:
    """The API and dashboard over the store at ``db`` (opened read-only, per request)."""
    reader = Reader(Path(db))

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        reader.close()

    app = FastAPI(title="Faultline", version=__version__, responses=ERRORS, lifespan=lifespan,
                  description="Political event data from news text: events, stories, dyad "
                              "series, change alerts and networks from a Faultline store.")
    app.state.reader = reader
    code_lock = asyncio.Lock()

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        code = {404: "not-found", 405: "method-not-allowed", 413: "too-large",
                422: "invalid-request", 504: "timeout"}.get(exc.status_code, "error")
        return _error(exc.status_code, code, str(exc.detail))

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in exc.errors())
        return _error(422, "invalid-request", problems)

    @app.exception_handler(StoreBusy)
    async def busy(request: Request, exc: StoreBusy) -> JSONResponse:
        return _error(503, "store-busy", str(exc))

    @app.exception_handler(StoreError)
    async def unusable(request: Request, exc: StoreError) -> JSONResponse:
        return _error(503, "store-unavailable", str(exc))

    @app.exception_handler(Exception)
    async def internal(request: Request, exc: Exception) -> JSONResponse:
        log.exception("unhandled error on %s", request.url.path)
        return _error(500, "internal", "internal error (logged by the server)")

    @app.get("/api/health", response_model=m.Health, tags=["store"])
    def health(s: StoreDep) -> m.Health:
        """The store is readable; what it holds."""
        return m.Health(status="ok", version=__version__, schema_version=s.version,
                        events=s.count("events"), counted_events=s.count("counted_events"),
                        articles=s.count("articles"), stories=s.count("stories"))

    @app.get("/api/events", response_model=m.EventPage, tags=["events"])
    def events(
        s: StoreDep,
        source: Annotated[str | None, Query(max_length=32, description="Actor code prefix.")]
        = None,
        target: Annotated[str | None, Query(max_length=32)] = None,
        dyad: Annotated[str | None, Query(
            pattern=r"^[A-Za-z0-9_]+[,-][A-Za-z0-9_]+$",
            description="Two actor code prefixes, A,B: events between them either way.")]
        = None,
        country: Annotated[str | None, Query(max_length=32)] = None,
        cameo: Annotated[str | None, Query(pattern=r"^\d{1,4}$",
                                           description="CAMEO code or root (prefix).")] = None,
        plover: Annotated[str | None, Query(max_length=32)] = None,
        quad_class: Annotated[int | None, Query(ge=1, le=4)] = None,
        since: Day = None, until: Day = None,
        q: Annotated[str | None, Query(max_length=200,
                                       description="Text in the evidence sentence.")] = None,
        min_confidence: Annotated[float | None, Query(ge=0, le=1)] = None,
        counted_only: bool = False,
        limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = DEFAULT_PAGE,
        offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0,
    ) -> m.EventPage:
        """Stored events, filtered, in date order, one page at a time."""
        pair = None
        if dyad:
            a, _, b = dyad.replace("-", ",").partition(",")
            pair = (a.upper(), b.upper())
        where = EventFilter(source, target, cameo, _day(since), _day(until), plover=plover,
                            quad_class=quad_class, min_confidence=min_confidence,
                            counted_only=counted_only, country=country, dyad=pair, text=q)
        clause, params = where.where()
        total = s.con.execute(f"SELECT count(*) FROM events{clause}", params).fetchone()[0]
        rows = _rows(s, f"SELECT * FROM events{clause} ORDER BY date NULLS LAST, event_id "
                        "LIMIT ? OFFSET ?", [*params, limit, offset])
        return m.EventPage(events=[_event(r) for r in rows], total=total)

    @app.get("/api/events/{event_id}", response_model=m.EventDetail, tags=["events"])
    def event(s: StoreDep, event_id: Annotated[str, PathParam(max_length=64)]) -> m.EventDetail:
        """One event with its evidence and its article."""
        rows = _rows(s, "SELECT * FROM events WHERE event_id = ?", [event_id])
        if not rows:
            raise HTTPException(404, f"no event {event_id}")
        article = _rows(s, "SELECT * FROM articles WHERE article_id = ?",
                        [rows[0]["article_id"]])
        event = _event(rows[0])
        return m.EventDetail(event=event, article=_article(article[0]),
                             trace=event.trace or None)

    @app.get("/api/articles/{article_id}", response_model=m.ArticleDetail, tags=["articles"])
    def article(s: StoreDep,
                article_id: Annotated[str, PathParam(max_length=64)]) -> m.ArticleDetail:
        """The cleaned text and every event coded in it (offsets point into the text)."""
        rows = _rows(s, "SELECT * FROM articles WHERE article_id = ?", [article_id])
        if not rows:
            raise HTTPException(404, f"no article {article_id}")
        coded = _rows(s, "SELECT * FROM events WHERE article_id = ? "
                         "ORDER BY evidence_start, event_id", [article_id])
        return m.ArticleDetail(article=_article(rows[0]), events=[_event(r) for r in coded])

    @app.get("/api/stories", response_model=m.StoryPage, tags=["stories"])
    def stories(s: StoreDep, limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = DEFAULT_PAGE,
                offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0) -> m.StoryPage:
        """Stories, first seen first, with how many texts, documents and outlets carry each."""
        total = s.count("stories")
        rows = _rows(s, """
            SELECT ss.*, a.title FROM story_summary ss
            LEFT JOIN articles a ON a.article_id = ss.first_article_id
            ORDER BY ss.first_seen NULLS LAST, ss.story_id LIMIT ? OFFSET ?""", [limit, offset])
        return m.StoryPage(total=total, stories=[m.StorySummary(
            story_id=r["story_id"], first_seen=_iso(r["first_seen"]), n_texts=r["n_texts"],
            n_articles=r["n_articles"], n_outlets=r["n_outlets"], title=r["title"])
            for r in rows])

    @app.get("/api/stories/{story_id}", response_model=m.StoryDetail, tags=["stories"])
    def story(s: StoreDep, story_id: Annotated[str, PathParam(max_length=64)]) -> m.StoryDetail:
        """Every article of a story and every outlet's copy of each."""
        rows = _rows(s, """
            SELECT a.article_id, a.title, a.outlet, a.published, src.doc_ref,
                   src.outlet AS copy_outlet, src.title AS copy_title, src.url,
                   src.published AS copy_published
            FROM articles a JOIN article_sources src ON src.article_id = a.article_id
            WHERE a.story_id = ?
            ORDER BY a.published NULLS LAST, a.article_id, src.doc_ref""", [story_id])
        if not rows:
            raise HTTPException(404, f"no story {story_id}")
        articles: dict[str, m.StoryArticle] = {}
        for r in rows:
            entry = articles.setdefault(r["article_id"], m.StoryArticle(
                article_id=r["article_id"], title=r["title"], outlet=r["outlet"],
                published=_iso(r["published"]), copies=[]))
            entry.copies.append(m.Copy(doc_ref=r["doc_ref"], outlet=r["copy_outlet"],
                                       title=r["copy_title"], url=r["url"],
                                       published=_iso(r["copy_published"])))
        dates = [a.published for a in articles.values() if a.published]
        return m.StoryDetail(story_id=story_id, first_seen=min(dates, default=None),
                             articles=list(articles.values()))

    @app.get("/api/dyads/{a}/{b}/series", response_model=m.SeriesOut, tags=["relations"])
    def dyad_series(request: Request, s: StoreDep, a: ActorCode, b: ActorCode,
                    freq: Literal["week", "month"] = "week", directed: bool = False,
                    group: Group = "country", since: Day = None,
                    until: Day = None) -> m.SeriesOut:
        """Counted events between two actors per period, empty periods as zero rows, with
        intervals over independent stories."""
        key = ("series", a.upper(), b.upper(), freq, directed, group, since, until)
        periods = request.app.state.reader.memo(key, lambda: series(
            s, a.upper(), b.upper(), freq, directed=directed, group=group, since=_day(since),
            until=_day(until)))
        return m.SeriesOut(a=a.upper(), b=b.upper(), freq=freq, directed=directed, group=group,
                           periods=[m.PeriodOut(**p.to_dict()) for p in periods])

    @app.get("/api/alerts", response_model=m.AlertList, tags=["relations"])
    def alert_list(request: Request, s: StoreDep, since: Day = None,
                   min_stories: Annotated[int, Query(ge=2, le=10_000)] = 4,
                   group: Group = "country") -> m.AlertList:
        """Dyads whose weekly relations shifted (CUSUM over stories), newest first."""
        found = request.app.state.reader.memo(
            ("alerts", since, min_stories, group),
            lambda: alerts(s, _day(since), min_stories, group=group))
        return m.AlertList(alerts=[m.AlertOut(**x.to_dict()) for x in found])

    @app.get("/api/network", response_model=m.NetworkOut, tags=["relations"])
    def network_graph(request: Request, s: StoreDep, since: Day = None, until: Day = None,
                      min_events: Annotated[int, Query(ge=1, le=1_000_000)] = 1,
                      group: Group = "country") -> m.NetworkOut:
        """The signed, weighted actor graph (node-link)."""
        graph = request.app.state.reader.memo(
            ("network", since, until, min_events, group),
            lambda: network(s, _day(since), _day(until), min_events, group=group))
        return m.NetworkOut(
            nodes=[m.NodeOut(id=n, events=d["events"]) for n, d in graph.nodes(data=True)],
            edges=[m.EdgeOut(source=u, target=v, **d) for u, v, d in graph.edges(data=True)])

    @app.get("/api/actors", response_model=m.ActorList, tags=["relations"])
    def actor_search(s: StoreDep, q: Annotated[str, Query(max_length=100)] = "",
                     limit: Annotated[int, Query(ge=1, le=100)] = 20,
                     group: Group = "country") -> m.ActorList:
        """Actors seen in the store, by code, name or country, with counts."""
        return m.ActorList(actors=[m.ActorHitOut(**h.to_dict())
                                   for h in actors(s, q, group=group, limit=limit)])

    @app.post("/api/code", response_model=m.CodeResult, tags=["coding"])
    async def code(body: m.CodeRequest) -> m.CodeResult:
        """Code a posted text without storing it (one at a time, size- and time-limited)."""
        from faultline.pipeline import code_text

        async with code_lock:
            try:
                article, found = await asyncio.wait_for(asyncio.to_thread(
                    code_text, body.text, date=_day(body.date), title=body.title),
                    CODE_SECONDS)
            except TimeoutError:
                raise HTTPException(504, f"coding took over {CODE_SECONDS:.0f} s") from None
            except InputError as e:
                raise HTTPException(422, e.reason) from None
        events = [m.EventOut.model_validate(ev.to_dict()) for ev in found]
        return m.CodeResult(article=m.CodedArticle(article_id=article.article_id,
                                                   title=article.title, text=article.text),
                            events=events)

    @app.get("/", include_in_schema=False)
    def dashboard() -> Response:
        index = STATIC / "index.html"
        if not index.is_file():
            return _error(404, "not-found", "the dashboard bundle is not installed")
        return FileResponse(str(index), headers=SECURITY_HEADERS)

    app.mount("/static", StaticFiles(directory=str(STATIC), check_dir=False), name="static")
    app.add_middleware(GZipMiddleware, minimum_size=GZIP_MIN_BYTES)
    app.add_middleware(BodyLimit, limit=MAX_BODY)  # type: ignore[arg-type]
    app.add_middleware(SecurityHeaders)  # type: ignore[arg-type]
    return app
