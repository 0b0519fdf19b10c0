import pytest

from pydock.opts import OptError
from pydock.opts.timestamps import get_timestamp

NOW = 1_700_000_000.0


@pytest.mark.parametrize("value, expected", [
    ("2024-01-02T13:23:37.5Z", "1704201817.500000000"),
    ("2024-01-02T13:23:37,25Z", "1704201817.250000000"),
    ("2024-01-02T13:23:37.1234567891Z", "1704201817.123456789"),
    ("2024-01-02T14:23:37+01:00", "1704201817.000000000"),
    ("2024-01-02T14+01:00", "1704200400.000000000"),
    ("2024-01-02+01:00", "1704150000.000000000"),
])
def test_dates(value, expected):
    assert get_timestamp(value, NOW) == expected


@pytest.mark.parametrize("value, message", [
    ("2026-11-27 12:00:00", 'parsing time "2026-11-27 12:00:00": extra text: " 12:00:00"'),
    ("2026-11-27T12:00:00.", 'parsing time "2026-11-27T12:00:00.": extra text: "."'),
    ("2026-1-27", 'parsing time "2026-1-27" as "2006-01-02": cannot parse "1-27" as "01"'),
    ("2026-11", 'parsing time "2026-11" as "2006-01-02": cannot parse "" as "-"'),
    ("2026-11-27T", 'parsing time "2026-11-27T" as "2006-01-02T15": cannot parse "" as "15"'),
    ("2026-11-27T12:00:00z", 'parsing time "2026-11-27T12:00:00z" as "2006-01-02T15:04:05Z07:00": '
                             'cannot parse "z" as "Z07:00"'),
    ("2026-13-27", 'parsing time "2026-13-27": month out of range'),
    ("2026-02-30", 'parsing time "2026-02-30": day out of range'),
    ("2026-11-27T12:00:00+25:00", 'parsing time "2026-11-27T12:00:00+25:00": time zone offset hour out of range'),
    ("-1", 'parsing time "-1" as "2006-01-02": cannot parse "-1" as "2006"'),
    ("T", 'failed to parse value as time or duration: "T"'),
])
def test_errors_read_like_go(value, message):
    with pytest.raises(OptError) as info:
        get_timestamp(value, NOW)
    assert str(info.value) == message
