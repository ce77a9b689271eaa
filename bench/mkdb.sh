#!/bin/sh
# bench/mkdb.sh DB N: a demo database with N more duties spread over the
# units' officials (80% done, 20% open), for measuring the board at scale.
# Rows are written with SQL directly (the schema's triggers still check
# them), so that a million takes a minute rather than hours.
set -eu
db=$1
n=$2
roviec=${ROVIEC:-$(dirname "$0")/../roviec}
rm -f "$db" "$db-wal" "$db-shm"
"$roviec" --db "$db" init --demo >/dev/null
sqlite3 "$db" <<SQL
PRAGMA synchronous = OFF;
CREATE TEMP TABLE owner AS
  SELECT row_number() OVER (ORDER BY id) - 1 AS rn, id, unit_id
  FROM people WHERE unit_id IS NOT NULL AND role <> 'inspector';
BEGIN;
WITH RECURSIVE k(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM k WHERE i < $n)
INSERT INTO duties (uuid, ref, title, search_key, result, basis, assigner_id,
  lead_unit_id, owner_id, created_at, original_deadline, deadline, status,
  done_on, closed_on, last_progress_on)
SELECT printf('%08x-0000-4000-8000-%012x', i, i), 'B-' || i,
  'Nhiệm vụ số ' || i, 'nhiem vu so ' || i, 'Báo cáo', 'Kế hoạch ' || i,
  1, o.unit_id, o.id, '2026-01-01T00:00:00Z',
  date('2025-06-01', '+' || (i % 700) || ' days'),
  date('2025-06-01', '+' || (i % 700) || ' days'),
  CASE WHEN i % 10 < 8 THEN 'done' ELSE 'open' END,
  CASE WHEN i % 10 < 8 THEN date('2025-06-01', '+' || (i % 700) || ' days') END,
  CASE WHEN i % 10 < 8 THEN date('2025-06-01', '+' || (i % 700) || ' days') END,
  date('2025-06-01', '+' || (i % 500) || ' days')
FROM k JOIN owner o ON o.rn = i % (SELECT count(*) FROM owner);
COMMIT;
ANALYZE;
SQL
