"""Small-cell suppression, checked against its promises over random tables: no shown figure
rests on fewer than k respondents, and no hidden figure is determined by the shown ones (solved
exactly with rational Gaussian elimination, independently of the graph the code uses)."""

from fractions import Fraction

from hypothesis import given, settings
from hypothesis import strategies as st

from mapping.reports import suppression

# Mostly small counts, so that tables are full of cells to hide.
counts = st.one_of(st.integers(0, 6), st.integers(0, 40))
ks = st.sampled_from([3, 5, 10])


@st.composite
def tables(draw):
    n_rows = draw(st.integers(1, 5))
    n_columns = draw(st.integers(1, 5))
    return [[draw(counts) for _ in range(n_columns)] for _ in range(n_rows)]


def _figures(cells):
    """Every figure of the table: key -> value; and the equations (lists of (key, sign))."""
    n_rows, n_columns = len(cells), len(cells[0])
    figures = {("cell", r, c): cells[r][c] for r in range(n_rows) for c in range(n_columns)}
    for r in range(n_rows):
        figures["row", r] = sum(cells[r])
    for c in range(n_columns):
        figures["column", c] = sum(row[c] for row in cells)
    figures["grand",] = sum(figures["row", r] for r in range(n_rows))
    equations = [[(("cell", r, c), 1) for c in range(n_columns)] + [(("row", r), -1)] for r in range(n_rows)]
    equations += [
        [(("cell", r, c), 1) for r in range(n_rows)] + [(("column", c), -1)] for c in range(n_columns)
    ]
    equations.append([(("row", r), 1) for r in range(n_rows)] + [(("grand",), -1)])
    equations.append([(("column", c), 1) for c in range(n_columns)] + [(("grand",), -1)])
    return figures, equations


def _hidden_keys(result):
    keys = {("cell", r, c) for r, c in result.cells}
    keys |= {("row", r) for r in result.row_totals}
    keys |= {("column", c) for c in result.column_totals}
    if result.grand_total:
        keys.add(("grand",))
    return keys


def determined(equations, unknowns):
    """The unknowns whose value the equations fix, whatever the other unknowns are."""
    unknowns = sorted(unknowns)
    index = {key: i for i, key in enumerate(unknowns)}
    matrix = []
    for equation in equations:
        row = [Fraction(0)] * len(unknowns)
        for key, sign in equation:
            if key in index:
                row[index[key]] += sign
        if any(row):
            matrix.append(row)
    # Reduced row echelon form; an unknown is fixed when its pivot row has no free variable.
    pivots, rank = [], 0
    for column in range(len(unknowns)):
        pivot = next((i for i in range(rank, len(matrix)) if matrix[i][column] != 0), None)
        if pivot is None:
            continue
        matrix[rank], matrix[pivot] = matrix[pivot], matrix[rank]
        lead = matrix[rank][column]
        matrix[rank] = [value / lead for value in matrix[rank]]
        for i in range(len(matrix)):
            if i != rank and matrix[i][column] != 0:
                factor = matrix[i][column]
                matrix[i] = [a - factor * b for a, b in zip(matrix[i], matrix[rank], strict=True)]
        pivots.append(column)
        rank += 1
    free = set(range(len(unknowns))) - set(pivots)
    return {
        unknowns[column] for row, column in enumerate(pivots) if not any(matrix[row][f] != 0 for f in free)
    }


@settings(max_examples=400, deadline=None)
@given(cells=tables(), k=ks)
def test_no_shown_figure_rests_on_fewer_than_k(cells, k):
    result = suppression.suppress_table(cells, k)
    figures, _equations = _figures(cells)
    hidden = _hidden_keys(result)
    # An empty line (total 0) rests on nobody; a line of 1 to k - 1 respondents hides all it has.
    small_rows = {r for r in range(len(cells)) if 0 < figures["row", r] < k}
    small_columns = {c for c in range(len(cells[0])) if 0 < figures["column", c] < k}
    for key, value in figures.items():
        if key in hidden:
            continue
        assert value == 0 or value >= k, (key, value)
        if key[0] == "cell":
            assert key[1] not in small_rows and key[2] not in small_columns, key


@settings(max_examples=400, deadline=None)
@given(cells=tables(), k=ks)
def test_no_hidden_figure_can_be_worked_out(cells, k):
    result = suppression.suppress_table(cells, k)
    _figures_, equations = _figures(cells)
    hidden = _hidden_keys(result)
    assert determined(equations, hidden) == set()
    # The simple consequence: no row or column equation has exactly one hidden figure.
    for equation in equations:
        assert sum(1 for key, _sign in equation if key in hidden) != 1, equation


@settings(max_examples=300, deadline=None)
@given(values=st.lists(counts, min_size=1, max_size=8), k=ks)
def test_distribution(values, k):
    result = suppression.suppress_distribution(values, k)
    total = sum(values)
    hidden = len(result.hidden) + result.total_hidden
    assert hidden == 0 or hidden >= 2
    for index, value in enumerate(values):
        if index not in result.hidden:
            assert value == 0 or value >= k
            assert total == 0 or total >= k
    if not result.total_hidden:
        assert total == 0 or total >= k


@settings(max_examples=200, deadline=None)
@given(cells=tables(), k=ks)
def test_margins_match_the_distributions_shown_alone(cells, k):
    """The table of a question without a breakdown is its cross table's margin: both must hide
    the same figures, or one would give away the other's."""
    result = suppression.suppress_table(cells, k)
    row_totals = [sum(row) for row in cells]
    if sum(row_totals) < k:
        return
    alone = suppression.suppress_distribution(row_totals, k)
    assert result.row_totals == alone.hidden
    assert not result.grand_total


def test_a_single_small_cell_takes_a_rectangle_of_the_smallest_cells():
    cells = [[3, 20, 30], [10, 20, 30], [40, 50, 60]]
    result = suppression.suppress_table(cells, 5)
    assert result.cells == {(0, 0), (0, 1), (1, 0), (1, 1)}
    assert not result.row_totals and not result.column_totals


def test_zero_is_not_a_complement_when_a_positive_count_exists():
    result = suppression.suppress_distribution([3, 0, 12, 40], 5)
    assert result.hidden == {0, 2}


def test_a_small_group_hides_its_whole_column_and_a_second_group():
    cells = [[2, 10, 20], [0, 15, 25], [1, 12, 30]]  # the first group has 3 respondents
    result = suppression.suppress_table(cells, 5)
    assert {(0, 0), (1, 0), (2, 0)} <= result.cells
    assert result.column_totals == {0, 1}  # its total, and the smallest other group's
    assert not determined(_figures(cells)[1], _hidden_keys(result))


def test_two_cycles_joined_by_one_cell_are_mended():
    """Every row and column has 0 or >= 2 hidden cells, yet the joining cell is a bridge: the
    per-line count alone would miss it."""
    table = suppression.Table(cells={(0, 0), (0, 1), (1, 0), (1, 1), (2, 2), (2, 3), (3, 2), (3, 3), (1, 2)})
    assert suppression.hidden_bridges(table) == [("cell", 1, 2)]


def test_nothing_to_hide():
    result = suppression.suppress_table([[10, 20], [30, 0]], 5)
    assert result == suppression.Table()


def test_hide_means_hides_a_second_group():
    hidden, total_hidden = suppression.hide_means([3, 40, 12], 5)
    assert hidden == {0, 2} and not total_hidden
