"""Load on `opi serve`: start the server on loopback (the real command, in its own
process), send a bounded burst of uploads to POST /api/check, and report
requests/s, p50/p95 latency, errors (must be 0) and the server's peak memory
(the server process and its worker processes, resident set, sampled).

    .venv/bin/python benchmarks/serve_load.py [--requests 300] [--concurrency 8]
                                              [--workers 2] [--queue-wait 120]

The uploads cycle through the bundled examples (.docx, .pdf, .txt, .md). Not a
test: it prints, and exits 1 when any request failed.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import IO

import httpx
import psutil

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = sorted((ROOT / "corpora" / "examples").iterdir())


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def _start(
    port: int, workers: int, queue_wait: float, log: IO[bytes]
) -> subprocess.Popen[bytes]:
    opi = str(Path(sys.executable).with_name("opi"))
    command = [opi, "serve", "--port", str(port), "--workers", str(workers)]
    command += ["--queue-wait", str(queue_wait)]
    return subprocess.Popen(command, stdout=log, stderr=log, cwd=ROOT)


def _wait_ready(base: str, server: subprocess.Popen[bytes], limit: float) -> float:
    started = time.perf_counter()
    while time.perf_counter() - started < limit:
        if server.poll() is not None:
            raise SystemExit(f"opi serve exited with code {server.returncode}")
        try:
            if httpx.get(f"{base}/api/health", timeout=1).status_code == 200:
                return time.perf_counter() - started
        except httpx.TransportError:
            pass
        time.sleep(0.2)
    raise SystemExit(f"opi serve did not answer within {limit:.0f} s")


class PeakMemory:
    """Samples the resident memory of a process tree every 50 ms."""

    def __init__(self, pid: int) -> None:
        self.root = psutil.Process(pid)
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.is_set():
            total = 0
            try:
                for proc in [self.root, *self.root.children(recursive=True)]:
                    total += proc.memory_info().rss
            except psutil.Error:
                pass
            self.peak = max(self.peak, total)
            time.sleep(0.05)

    def __enter__(self) -> PeakMemory:
        self._thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._stop.set()
        self._thread.join()


async def _burst(
    base: str, requests: int, concurrency: int
) -> tuple[list[float], list[str], float]:
    payloads = [(p.name, p.read_bytes()) for p in EXAMPLES]
    latencies: list[float] = []
    errors: list[str] = []
    queue: asyncio.Queue[int] = asyncio.Queue()
    for index in range(requests):
        queue.put_nowait(index)
    limits = httpx.Limits(max_connections=concurrency)
    async with httpx.AsyncClient(base_url=base, timeout=300, limits=limits) as client:

        async def user() -> None:
            while not queue.empty():
                index = queue.get_nowait()
                name, data = payloads[index % len(payloads)]
                started = time.perf_counter()
                try:
                    response = await client.post(
                        "/api/check", files={"file": (name, data)}
                    )
                except httpx.HTTPError as exc:
                    errors.append(f"{name}: {type(exc).__name__} {exc}")
                    continue
                latencies.append(time.perf_counter() - started)
                if response.status_code != 200 or "requirements" not in response.json():
                    errors.append(
                        f"{name}: HTTP {response.status_code} {response.text[:120]}"
                    )

        started = time.perf_counter()
        await asyncio.gather(*(user() for _ in range(concurrency)))
        wall = time.perf_counter() - started
    return latencies, errors, wall


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=300)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--workers", type=int, default=min(4, os.cpu_count() or 1))
    parser.add_argument(
        "--queue-wait",
        type=float,
        default=120.0,
        help="Seconds a request may wait for a worker (the server's --queue-wait).",
    )
    args = parser.parse_args()
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    log = tempfile.TemporaryFile()
    server = _start(port, args.workers, args.queue_wait, log)
    try:
        ready = _wait_ready(base, server, 180)
        with PeakMemory(server.pid) as memory:
            idle = memory.root.memory_info().rss
            for proc in memory.root.children(recursive=True):
                idle += proc.memory_info().rss
            latencies, errors, wall = asyncio.run(
                _burst(base, args.requests, args.concurrency)
            )
    except BaseException:
        log.seek(0)
        print(log.read().decode("utf-8", "replace")[-3000:], file=sys.stderr)
        raise
    finally:
        server.terminate()
        server.wait(30)
        log.close()
    quantiles = (
        statistics.quantiles(latencies, n=20) if len(latencies) > 1 else [0] * 19
    )
    print(
        f"opi serve, {args.workers} workers on {os.cpu_count()} cores; "
        f"{args.requests} uploads of {len(EXAMPLES)} examples at concurrency "
        f"{args.concurrency}"
    )
    print(f"  ready after     {ready:.1f} s (workers warmed)")
    print(f"  throughput      {len(latencies) / wall:.1f} requests/s ({wall:.1f} s)")
    print(
        f"  latency         p50 {statistics.median(latencies) * 1000:.0f} ms, "
        f"p95 {quantiles[18] * 1000:.0f} ms, max {max(latencies) * 1000:.0f} ms"
    )
    print(f"  errors          {len(errors)}")
    print(
        f"  server memory   {idle / 2**20:.0f} MB idle, "
        f"{memory.peak / 2**20:.0f} MB peak (server + workers, RSS)"
    )
    for error in errors[:10]:
        print(f"    {error}")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
