"""assess() from many threads at once: the same results as from one thread."""

from __future__ import annotations

import sys
import threading
from concurrent.futures import ThreadPoolExecutor
from typing import TYPE_CHECKING, Any

import pytest

import legcramps
from strategies import sample_answers

if TYPE_CHECKING:
    from collections.abc import Iterator

THREADS = 16


@pytest.fixture
def busy_switching() -> Iterator[None]:
    """Switch threads as often as the interpreter allows, to shake out shared state."""
    before = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)
    try:
        yield
    finally:
        sys.setswitchinterval(before)


@pytest.mark.usefixtures("busy_switching")
class TestThreads:
    def test_many_threads_get_the_results_of_one(self) -> None:
        """Sixteen threads assessing 1600 answer sets get exactly the single-thread results."""
        work = sample_answers(1600, seed=6)
        expected = [legcramps.assess(**answers) for answers in work]
        with ThreadPoolExecutor(max_workers=THREADS) as pool:
            actual = list(pool.map(lambda answers: legcramps.assess(**answers), work))
        assert expected == actual
        assert [a.to_dict() for a in expected] == [a.to_dict() for a in actual]

    def test_threads_started_together_agree(self) -> None:
        """Threads released at the same moment, each assessing every set, all agree."""
        work = sample_answers(200, seed=7)
        expected = [legcramps.assess(a).to_dict() for a in work]
        results: list[list[dict[str, Any]]] = [[] for _ in range(THREADS)]
        start = threading.Barrier(THREADS)

        def run(n: int) -> None:
            start.wait()
            order = work if n % 2 else work[::-1]
            found = [legcramps.assess(a).to_dict() for a in order]
            results[n] = found if n % 2 else found[::-1]

        threads = [threading.Thread(target=run, args=(n,)) for n in range(THREADS)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert all(expected == found for found in results)

    def test_errors_in_some_threads_do_not_leak_into_others(self) -> None:
        """Bad answers in half the threads leave the other half's results unchanged."""
        work = sample_answers(400, seed=8)
        expected = [legcramps.assess(**a) for a in work]

        def run(item: tuple[int, dict[str, Any]]) -> object:
            n, answers = item
            if n % 2:
                try:
                    legcramps.assess(**{**answers, "fluid_litres": -1})
                except legcramps.InvalidInput as e:
                    return e.problems[0].input
            return legcramps.assess(**answers)

        with ThreadPoolExecutor(max_workers=THREADS) as pool:
            actual = list(pool.map(run, enumerate(work)))
        assert expected[::2] == actual[::2]
        assert ["fluid_litres"] * 200 == actual[1::2]
