"""Reports of mapping campaigns: SQL aggregation (``selectors``), question labels (``labels``),
small-cell suppression (``suppression``), tables (``tables``) assembled into a report
(``report``), SVG charts (``charts``) and CSV/XLSX exports (``exports``)."""
