"""CPU work off the event loop: a bounded pool in two lanes, with deadlines and load shedding.

Every check (reading the pages, ``check_pages``, the JSON contract, the HTML report) runs in a
worker thread, never on the event loop, so a big page cannot freeze the server: the loop keeps
accepting connections and serving the stylesheet, the form and the feedback pages.

- **Two lanes.** Requests whose pages add up to ``large_bytes`` or more go to the *large* lane
  (default 1 thread); the rest to the *normal* lane (default 4 threads). A flood of huge or
  hostile pages therefore holds one thread, and normal requests keep their own.
- **Bounded.** Each lane runs at most ``threads`` checks and lets at most ``queue`` more wait;
  beyond that the request is refused at once with 503 and ``Retry-After`` (``Busy``), rather
  than stalling every client behind it.
- **Deadline.** A check has ``timeout`` seconds from the moment it is admitted (waiting in the
  queue counts). Its ``Stop`` says when it is over; the reading of pages stops at the next page,
  and the library's own per-check deadline (see ``service.library_check``) stops a page's work
  inside the pipeline. If the work has not come back ``grace`` seconds after the deadline, the
  request is answered without it (``WorkTimeout``: every page gets a ``timeout`` error).
- **Client gone.** While a check runs, the request's ``receive`` channel is watched; a client
  that disconnects sets the same ``Stop`` (``ClientGone``), so its work ends as a deadline would.

What holds, and what does not: Python threads cannot be killed. A check stops where its code
looks at the ``Stop`` (between pages, and wherever the library checks its deadline); a stretch of
work that never looks runs on in its thread after its request was answered. Its lane slot stays
taken until it really ends, so the bound on concurrent work is real, not nominal: a lane full of
such work sheds new requests with 503 instead of piling threads up. The threads are daemons, so
they never keep the process from exiting on SIGTERM.
"""

from __future__ import annotations

import asyncio
import json
import multiprocessing as mp
import os
import queue as queues
import signal
import threading
import time
from collections import deque
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..knowledge import get_knowledge

if TYPE_CHECKING:
    from multiprocessing.connection import Connection
    from multiprocessing.process import BaseProcess

__all__ = ["Stop", "Busy", "WorkTimeout", "ClientGone", "Lane", "WorkPool", "ShedLarge", "Isolated"]


class Busy(Exception):
    """The lane is full: answer 503 with ``Retry-After``."""

    def __init__(self, lane: str, retry_after: int) -> None:
        super().__init__(
            f"the server is busy with other {'large ' if lane == 'large' else ''}checks; "
            f"try again in {retry_after} s"
        )
        self.lane = lane
        self.retry_after = retry_after


class WorkTimeout(Exception):
    """The check ran past its deadline and did not stop in time."""

    def __init__(self, stop: Stop) -> None:
        super().__init__(stop.reason or "deadline")
        self.stop = stop


class ClientGone(WorkTimeout):
    """The client disconnected while its check was waiting or running."""


@dataclass(eq=False)  # compared (and hashed) by identity
class Stop:
    """When a check must stop: at ``deadline`` (``time.monotonic()``), or once ``cancel`` is called."""

    deadline: float
    seconds: float = 0.0  # the time limit it was given, for messages
    event: threading.Event = field(default_factory=threading.Event)
    reason: str | None = None
    isolated: Isolated | None = None  # the child process a large check runs in, if any
    # called once on cancel: the library's Deadline of the check running in a worker thread
    on_cancel: list[Callable[[], None]] = field(default_factory=list)

    def cancel(self, reason: str) -> None:
        if not self.event.is_set():
            self.reason = reason
            self.event.set()
            for hook in self.on_cancel:
                hook()

    @property
    def stopped(self) -> bool:
        if self.event.is_set():
            return True
        if time.monotonic() >= self.deadline:
            self.cancel("deadline")
            return True
        return False

    def left(self) -> float:
        return max(0.0, self.deadline - time.monotonic())


@dataclass
class Lane:
    name: str
    threads: int
    queue: int
    running: int = 0
    waiting: deque = field(default_factory=deque)

    @property
    def full(self) -> bool:
        return self.running + len(self.waiting) >= self.threads + self.queue


class WorkPool:
    """The two lanes of one server process (see the module's docstring)."""

    def __init__(
        self,
        threads: int = 4,
        queue: int = 32,
        large_threads: int = 1,
        large_queue: int = 2,
        large_bytes: int = 256_000,
        timeout: float = 30.0,
        grace: float = 1.0,
        retry_after: int = 5,
        isolate_large: bool = False,
    ) -> None:
        self.normal = Lane("normal", max(1, threads), max(0, queue))
        self.large = Lane("large", max(1, large_threads), max(0, large_queue))
        self.large_bytes = large_bytes
        self.timeout = timeout
        self.grace = grace
        self.retry_after = retry_after
        self.stops: set[Stop] = set()
        self.closed = False
        self._lock = threading.Lock()
        self.prestart = False
        self._children: queues.SimpleQueue | None = None
        self.children: list[Isolated] = []
        if isolate_large:
            self.children = [Isolated() for _ in range(self.large.threads)]
            self._children = queues.SimpleQueue()
            for child in self.children:
                self._children.put(child)

    def start(self) -> None:
        """Open for work (the server is starting). With ``prestart`` (``healthlens serve``),
        the large lane's children start now, in the background; otherwise with their first job."""
        self.closed = False
        for child in self.children:
            child._closed = False
            if self.prestart:
                child.restart_soon()

    def lane_for(self, nbytes: int) -> Lane:
        return self.large if nbytes >= self.large_bytes else self.normal

    def shutdown(self) -> None:
        """Stop every check in flight (the server is going down)."""
        self.closed = True
        for stop in list(self.stops):
            stop.cancel("shutdown")
        for child in self.children:
            child.close()

    async def run(
        self,
        job: Callable[[Stop], Any],
        nbytes: int,
        receive: Callable[[], Awaitable[dict]] | None = None,
    ) -> Any:
        """``job(stop)`` in a worker thread of the lane for ``nbytes``; its result, or
        ``Busy``, ``WorkTimeout`` or ``ClientGone``. ``receive``: the request's ASGI receive,
        watched for a disconnect once the body has been read."""
        lane = self.lane_for(nbytes)
        loop = asyncio.get_running_loop()
        with self._lock:  # slots are freed from worker threads, even after a loop has closed
            if lane.full or self.closed:
                raise Busy(lane.name, self.retry_after)
            turn = None
            if lane.running < lane.threads:
                lane.running += 1
            else:
                turn = loop.create_future()
                lane.waiting.append((loop, turn))
        stop = Stop(time.monotonic() + self.timeout, self.timeout)
        self.stops.add(stop)
        watch = asyncio.ensure_future(_disconnect(receive)) if receive is not None else None
        try:
            if turn is not None:
                try:
                    await self._until(turn, stop, watch, grace=0.0)
                except BaseException:
                    with self._lock:
                        waiting = (loop, turn) in lane.waiting
                        if waiting:
                            lane.waiting.remove((loop, turn))
                    if not waiting:  # the slot was handed over as it gave up: pass it on
                        self._release(lane)
                    raise
            result = loop.create_future()
            if lane is self.large and self._children is not None:
                job = self._in_child(job)
            thread = threading.Thread(
                target=_work,
                args=(job, stop, loop, result, lambda: self._release(lane)),
                name=f"healthlens-check-{lane.name}",
                daemon=True,
            )
            try:
                thread.start()
            except BaseException:  # pragma: no cover - no thread could be started
                self._release(lane)
                raise
            return await self._until(result, stop, watch, grace=self.grace)
        except asyncio.CancelledError:
            # uvicorn cancels requests still running when SIGTERM's grace time is over: answer
            # them (every page "timeout") rather than die with a traceback in the log
            stop.cancel("shutdown")
            raise WorkTimeout(stop) from None
        finally:
            self.stops.discard(stop)
            if watch is not None:
                watch.cancel()

    async def _until(self, fut: asyncio.Future, stop: Stop, watch, grace: float) -> Any:
        """``fut``'s result; or cancel ``stop`` and raise when the deadline (plus ``grace``)
        passes or the client goes away first."""
        waits = {fut} | ({watch} if watch is not None else set())
        done, _ = await asyncio.wait(
            waits, timeout=stop.left() + grace, return_when=asyncio.FIRST_COMPLETED
        )
        if fut in done:
            return fut.result()
        if watch is not None and watch in done:
            stop.cancel("client gone")
            raise ClientGone(stop)
        stop.cancel("deadline")
        raise WorkTimeout(stop)

    def _in_child(self, job):
        children = self._children
        assert children is not None, "only the large lane of an isolating pool runs in a child"

        def run(stop: Stop):
            child = children.get()  # never waits: one child per large-lane slot
            try:
                stop.isolated = child
                return job(stop)
            finally:
                stop.isolated = None
                children.put(child)

        return run

    def _release(self, lane: Lane) -> None:
        """Free a slot (from any thread): hand it to the first waiter still there, else drop it."""
        with self._lock:
            while lane.waiting:
                loop, turn = lane.waiting.popleft()
                try:
                    loop.call_soon_threadsafe(_grant, turn)
                    return  # the slot passes to that waiter: ``running`` stays
                except RuntimeError:  # its event loop has closed
                    continue
            lane.running -= 1


def _grant(turn: asyncio.Future) -> None:
    if not turn.done():
        turn.set_result(None)


def _work(job, stop: Stop, loop: asyncio.AbstractEventLoop, result: asyncio.Future, release):
    """The worker thread: run the job, hand its outcome to the loop, free the lane slot."""
    try:
        value, error = job(stop), None
    except BaseException as exc:  # handed to the request, which answers with it
        value, error = None, exc
    release()  # the slot is free before anyone hears the result, even if the loop is gone
    try:
        loop.call_soon_threadsafe(_settle, result, value, error)
    except RuntimeError:  # the loop is closed: the server has stopped
        pass


def _settle(fut: asyncio.Future, value, error) -> None:
    if fut.done():  # the request was answered without it (deadline, client gone)
        return
    if error is not None:
        fut.set_exception(error)
    else:
        fut.set_result(value)


async def _disconnect(receive) -> None:
    """Returns when the client disconnects (the body has been read: nothing else can arrive)."""
    while True:
        message = await receive()
        if message["type"] == "http.disconnect":
            return


class Isolated:
    """A child process that runs one job at a time and is killed when its job must stop.

    The large lane's reading and checking run here rather than in a thread of the server: a
    hostile page then burns CPU of its own, at the lowest priority (nice 19), instead of half the
    server's interpreter lock, and its work ends the moment its deadline passes or its client
    goes (SIGKILL; a fresh child, knowledge base loaded, takes its place). ``call`` is blocking: a worker thread of the lane
    calls it."""

    def __init__(self) -> None:
        self._ctx = mp.get_context("spawn")  # no fork: the server holds threads
        self._lock = threading.Lock()
        self._proc: BaseProcess | None = None
        self._conn: Connection | None = None
        self._exitcode: int | None = None
        self._ready = False

    def start(self, wait: float = 0.0) -> bool:
        """Start the child ahead of its first job (it loads the knowledge base meanwhile);
        with ``wait``, up to that many seconds for it to be ready. True when it is."""
        with self._lock:
            _, conn = self._running()
            if self._ready:
                return True
            deadline = time.monotonic() + wait
            while True:
                if conn.poll(0.05) and conn.recv() == "ready":
                    self._ready = True
                    return True
                if time.monotonic() >= deadline:
                    return False

    def restart_soon(self) -> None:
        """Start a fresh child in the background (after a kill), ready for the next job."""
        threading.Thread(target=self.start, name="healthlens-large-start", daemon=True).start()

    def _running(self) -> tuple[BaseProcess, Connection]:
        """The child and the pipe to it, started first when there is none alive."""
        if self._proc is None or self._conn is None or not self._proc.is_alive():
            return self._start()
        return self._proc, self._conn

    def _start(self) -> tuple[BaseProcess, Connection]:
        parent, child = self._ctx.Pipe()
        proc = self._ctx.Process(
            target=_isolated_main, args=(child,), name="healthlens-large-check", daemon=True
        )
        proc.start()
        child.close()
        self._proc, self._conn, self._ready = proc, parent, False
        return proc, parent

    def call(self, stop: Stop, fn, *args):
        """``fn(*args)`` in the child; raises ``WorkTimeout`` (after killing the child) when
        ``stop`` is set first, ``RuntimeError`` when the child dies."""
        with self._lock:  # one job at a time per child
            proc, conn = self._running()
            try:
                conn.send((fn, args))
                while True:
                    while not conn.poll(0.05):
                        if stop.stopped or not proc.is_alive():
                            break
                    if not conn.poll(0):
                        break
                    message = conn.recv()
                    if message == "ready":  # started for this job: its answer comes next
                        self._ready = True
                        continue
                    ok, value = message
                    if ok:
                        return value
                    raise value
            except (EOFError, OSError, BrokenPipeError):
                pass
            alive = proc.is_alive()
            self.kill()
            if not self._closed:
                self.restart_soon()
            if stop.stopped:
                raise WorkTimeout(stop)
            raise RuntimeError(
                "the process checking this large page died"
                + ("" if alive else f" (exit code {self._exitcode})")
            )

    _closed = False

    def close(self) -> None:
        """Kill the child and start no other (the server is stopping)."""
        self._closed = True
        self.kill()

    def kill(self) -> None:
        proc, self._proc = self._proc, None
        self._ready = False
        self._exitcode = None
        if proc is not None:
            if proc.is_alive():
                proc.kill()
            proc.join(5)
            self._exitcode = proc.exitcode
        if self._conn is not None:
            self._conn.close()
            self._conn = None


def _isolated_main(conn) -> None:  # pragma: no cover - runs in the child process
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C and SIGTERM are the server's business
    parent = os.getppid()

    def orphaned() -> None:  # die with the server (PR_SET_PDEATHSIG would follow the thread
        while os.getppid() == parent:  # that started this process, which ends with its job)
            time.sleep(1.0)
        os._exit(0)

    threading.Thread(target=orphaned, daemon=True).start()
    try:
        os.nice(19)  # the lowest CPU priority: normal requests first, large pages with what is left
    except OSError:
        pass
    get_knowledge().prepare()
    conn.send("ready")
    while True:
        try:
            fn, args = conn.recv()
        except (EOFError, OSError):
            return
        try:
            conn.send((True, fn(*args)))
        except BaseException as exc:  # the error goes back to the request
            try:
                conn.send((False, exc))
            except Exception:
                conn.send((False, RuntimeError(f"{type(exc).__name__}: {exc}")))


_CHECK_PATHS = ("/api/check", "/check")


class ShedLarge:
    """ASGI middleware: a check whose declared body is large while the large lane is full gets
    503 + ``Retry-After`` before its body is read or parsed, so a flood of huge requests costs
    the event loop almost nothing."""

    def __init__(self, app, pool: WorkPool) -> None:
        self.app = app
        self.pool = pool

    async def __call__(self, scope, receive, send):
        if scope["type"] == "http" and scope["method"] == "POST" and scope["path"] in _CHECK_PATHS:
            declared = next((v for k, v in scope["headers"] if k == b"content-length"), b"")
            if (
                declared.isdigit()
                and int(declared) >= self.pool.large_bytes
                and self.pool.large.full
            ):
                exc = Busy("large", self.pool.retry_after)
                api = scope["path"].startswith("/api/")
                body = (
                    json.dumps({"detail": str(exc)}).encode()
                    if api
                    else f"{exc}. Your page was not checked; send it again in a moment.".encode()
                )
                ctype = b"application/json" if api else b"text/plain; charset=utf-8"
                await send(
                    {
                        "type": "http.response.start",
                        "status": 503,
                        "headers": [
                            (b"content-type", ctype),
                            (b"content-length", str(len(body)).encode()),
                            (b"retry-after", str(exc.retry_after).encode()),
                            (b"connection", b"close"),
                        ],
                    }
                )
                await send({"type": "http.response.body", "body": body})
                return
        await self.app(scope, receive, send)
