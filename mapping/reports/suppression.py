"""Small-cell suppression: which figures of a table to hide so that no respondent in a group of
fewer than k can be singled out, and no hidden figure can be worked out from the rest.

Pure Python, no Django, so the rules can be read, reasoned about and property-tested alone.

Primary suppression hides every figure that rests on fewer than k respondents: a count from 1
to k - 1, a mean over fewer than k, a total under k and, with such a total, every cell of its
row or column (even a 0: "none of the 3 in this group chose X" is about those 3 people).
A 0 in a large line is shown: it rests on nobody.

Secondary (complementary) suppression then hides more figures until none of the hidden ones is
determined by the table's equations (each row and each column adds up to its total, the totals
add up to the grand total). In a two-way table with its margins those equations form a graph:
a node per row and per column, one for the row totals and one for the column totals; a cell is
an edge between its row and its column, a row total an edge between its row and the row-totals
node, and so on. The equations are that graph's incidence matrix, so a hidden figure is
determined exactly when its edge is a bridge of the graph of hidden edges (it lies on no
cycle). A bridge is mended by hiding the cheapest path that closes a cycle through it: small
positive cells first, zeros only if nothing else will do (with counts known to be >= 0, a zero
beside a hidden cell gives it away), and shown totals never.

The margins are suppressed first, each as a one-way distribution with the grand total, exactly
as that distribution is suppressed when it is shown alone, so the table of a question without a
breakdown and the margin of its cross table hide the same figures.
"""

import heapq
from dataclasses import dataclass, field

_ZERO_COST = 10**9  # a zero is a complement of last resort


def is_primary(value, k):
    """A count from 1 to k - 1 rests on too few respondents; 0 rests on none."""
    return 0 < value < k


@dataclass
class Distribution:
    """A one-way table: counts and their total."""

    hidden: set = field(default_factory=set)  # indexes of hidden counts
    total_hidden: bool = False


def suppress_distribution(values, k, total=None):
    """Hide the counts of ``values`` (their total is ``total``, their sum unless given)."""
    values = list(values)
    total = sum(values) if total is None else total
    if is_primary(total, k):
        return Distribution(hidden=set(range(len(values))), total_hidden=True)
    hidden = {index for index, value in enumerate(values) if is_primary(value, k)}
    if len(hidden) == 1:
        # One hidden count is the total minus the others: hide the smallest other count too,
        # a positive one if there is one (a hidden 0 protects nothing: counts are >= 0).
        others = sorted(
            (value == 0, value, index) for index, value in enumerate(values) if index not in hidden
        )
        if others:
            hidden.add(others[0][2])
        else:
            return Distribution(hidden=hidden, total_hidden=True)
    return Distribution(hidden=hidden)


@dataclass
class Table:
    """The hidden figures of a two-way table of counts (rows × columns)."""

    cells: set = field(default_factory=set)  # (row, column) pairs
    row_totals: set = field(default_factory=set)
    column_totals: set = field(default_factory=set)
    grand_total: bool = False

    def hides(self, row, column):
        return (row, column) in self.cells


def suppress_table(cells, k):
    """Hide the figures of the table ``cells`` (a list of equal-length rows of counts) and of
    its margins, which are the sums of its rows and columns."""
    n_rows = len(cells)
    n_columns = len(cells[0]) if n_rows else 0
    row_totals = [sum(row) for row in cells]
    column_totals = [sum(row[c] for row in cells) for c in range(n_columns)]
    grand = sum(row_totals)
    if is_primary(grand, k):
        return _everything(n_rows, n_columns)
    rows = suppress_distribution(row_totals, k, grand)
    columns = suppress_distribution(column_totals, k, grand)
    table = Table(row_totals=rows.hidden, column_totals=columns.hidden)
    small_rows = {r for r, total in enumerate(row_totals) if is_primary(total, k)}
    small_columns = {c for c, total in enumerate(column_totals) if is_primary(total, k)}
    for r in range(n_rows):
        for c in range(n_columns):
            if is_primary(cells[r][c], k) or r in small_rows or c in small_columns:
                table.cells.add((r, c))
    _close_bridges(table, cells, n_rows, n_columns)
    return table


def _everything(n_rows, n_columns):
    return Table(
        cells={(r, c) for r in range(n_rows) for c in range(n_columns)},
        row_totals=set(range(n_rows)),
        column_totals=set(range(n_columns)),
        grand_total=True,
    )


# --- the graph of the table's equations -----------------------------------------------------

_ROW_TOTALS = ("T", "rows")
_COLUMN_TOTALS = ("T", "columns")


def _edges(table, cells, n_rows, n_columns):
    """Every figure as an edge: (key, node, node, cost to hide it now; None if it may not be)."""
    for r in range(n_rows):
        for c in range(n_columns):
            value = cells[r][c]
            cost = 0 if (r, c) in table.cells else (value if value > 0 else _ZERO_COST)
            yield ("cell", r, c), ("r", r), ("c", c), cost
    for r in range(n_rows):
        yield ("row", r), ("r", r), _ROW_TOTALS, 0 if r in table.row_totals else None
    for c in range(n_columns):
        yield ("column", c), ("c", c), _COLUMN_TOTALS, 0 if c in table.column_totals else None
    yield ("grand",), _ROW_TOTALS, _COLUMN_TOTALS, 0 if table.grand_total else None


def hidden_bridges(table):
    """The hidden figures that the shown ones determine (the bridges of the hidden graph)."""
    adjacency = {}
    for key, a, b, _cost in _hidden_edges(table):
        adjacency.setdefault(a, []).append((b, key))
        adjacency.setdefault(b, []).append((a, key))
    return _bridges(adjacency)


def _hidden_edges(table):
    for r, c in table.cells:
        yield ("cell", r, c), ("r", r), ("c", c), 0
    for r in table.row_totals:
        yield ("row", r), ("r", r), _ROW_TOTALS, 0
    for c in table.column_totals:
        yield ("column", c), ("c", c), _COLUMN_TOTALS, 0
    if table.grand_total:
        yield ("grand",), _ROW_TOTALS, _COLUMN_TOTALS, 0


def _bridges(adjacency):
    """Tarjan's bridge finding, iteratively (tables can be larger than the recursion limit)."""
    order, low, bridges, counter = {}, {}, [], 0
    for start in adjacency:
        if start in order:
            continue
        order[start] = low[start] = counter
        counter += 1
        stack = [(start, None, iter(adjacency[start]))]
        while stack:
            node, via, neighbours = stack[-1]
            advanced = False
            for neighbour, key in neighbours:
                if key == via:
                    continue
                if neighbour in order:
                    low[node] = min(low[node], order[neighbour])
                    continue
                order[neighbour] = low[neighbour] = counter
                counter += 1
                stack.append((neighbour, key, iter(adjacency[neighbour])))
                advanced = True
                break
            if advanced:
                continue
            stack.pop()
            if stack:
                parent = stack[-1][0]
                low[parent] = min(low[parent], low[node])
                if low[node] > order[parent]:
                    bridges.append(via)
    return sorted(bridges)


def _close_bridges(table, cells, n_rows, n_columns):
    """Hide the cheapest paths that put every hidden figure on a cycle (a fixed point)."""
    while True:
        bridges = hidden_bridges(table)
        if not bridges:
            return
        bridge = bridges[0]
        path = _cheapest_path_around(table, cells, n_rows, n_columns, bridge)
        if path is None:
            # Nothing closes a cycle without hiding a total: hide the whole table.
            everything = _everything(n_rows, n_columns)
            table.cells, table.row_totals = everything.cells, everything.row_totals
            table.column_totals, table.grand_total = everything.column_totals, True
            return
        for key in path:
            _hide(table, key)


def _hide(table, key):
    kind = key[0]
    if kind == "cell":
        table.cells.add((key[1], key[2]))
    elif kind == "row":
        table.row_totals.add(key[1])
    elif kind == "column":
        table.column_totals.add(key[1])
    else:
        table.grand_total = True


def _cheapest_path_around(table, cells, n_rows, n_columns, bridge):
    """Dijkstra between the bridge's two ends without the bridge: the figures to hide."""
    adjacency, ends = {}, None
    for key, a, b, cost in _edges(table, cells, n_rows, n_columns):
        if key == bridge:
            ends = (a, b)
            continue
        if cost is None:
            continue
        adjacency.setdefault(a, []).append((b, key, cost))
        adjacency.setdefault(b, []).append((a, key, cost))
    source, target = ends
    # Cost first, then the number of newly hidden figures: fewer is better at equal cost.
    best = {source: (0, 0)}
    previous = {}
    queue = [(0, 0, 0, source)]
    tie = 1
    while queue:
        cost, hops, _tie, node = heapq.heappop(queue)
        if node == target:
            break
        if (cost, hops) > best.get(node, (cost, hops)):
            continue
        for neighbour, key, edge_cost in adjacency.get(node, ()):
            candidate = (cost + edge_cost, hops + (1 if edge_cost else 0))
            if candidate < best.get(neighbour, (float("inf"), 0)):
                best[neighbour] = candidate
                previous[neighbour] = (node, key)
                heapq.heappush(queue, (*candidate, tie, neighbour))
                tie += 1
    if target not in previous:
        return None
    path, node = [], target
    while node != source:
        node, key = previous[node]
        path.append(key)
    return path


def suppress_rows(rows, k):
    """Each row its own distribution (a matrix question: statements × scale steps)."""
    return [suppress_distribution(row, k) for row in rows]


def hide_means(counts, k):
    """Means of groups with ``counts`` respondents and of all of them together: which group
    means to hide. A group's mean follows from the overall mean and the other groups' means and
    counts, so the counts are suppressed as a distribution and a mean hides with its count."""
    distribution = suppress_distribution(counts, k)
    return distribution.hidden, distribution.total_hidden
