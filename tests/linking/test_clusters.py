from __future__ import annotations

import random

from coopwatch.linking.clusters import partition


def test_groups_are_components_named_by_their_smallest_member() -> None:
    groups = partition("abcde", [("b", "a", 1.0), ("c", "b", 2.0), ("e", "d", 1.0)])
    assert groups == {"a": "a", "b": "a", "c": "a", "d": "d", "e": "d"}


def test_a_pair_set_apart_never_shares_a_group() -> None:
    links = [("a", "b", 3.0), ("b", "c", 2.0), ("a", "c", 1.0)]
    groups = partition("abc", links, apart=[("a", "c")])
    assert groups["a"] != groups["c"]
    assert groups["b"] == groups["a"]  # the strongest link is taken first


def test_the_result_does_not_depend_on_the_order_of_items_or_links() -> None:
    items = [f"r{i:02}" for i in range(30)]
    rng = random.Random(7)
    links = [(rng.choice(items), rng.choice(items), rng.choice([1.0, 2.0, 3.0])) for _ in range(40)]
    apart = [(rng.choice(items), rng.choice(items)) for _ in range(8)]
    apart = [(a, b) for a, b in apart if a != b]
    expected = partition(items, links, apart)
    for _ in range(5):
        rng.shuffle(items)
        rng.shuffle(links)
        assert partition(items, links, apart) == expected


def test_items_of_one_origin_never_share_a_group() -> None:
    # b links both reports of document A; the stronger link wins, the other is skipped
    links = [("a1", "b", 3.0), ("a2", "b", 2.0), ("a2", "c", 1.0)]
    groups = partition(["a1", "a2", "b", "c"], links, origin={"a1": "A", "a2": "A", "b": "B"})
    assert groups["a1"] == groups["b"] != groups["a2"]
    assert groups["c"] == groups["a2"]
