"""Reads the postings of a Retold SQLite index, for the consistency checks of the crash and
full-disk scripts: each posting run is stored as blocks of delta-encoded varints (see
Sources/RetoldSQLite/PostingBlock.swift); postings of removed documents not merged away yet are
skipped, as the index's lookups skip them."""


def _varints(data):
    value = shift = 0
    for byte in data:
        value |= (byte & 0x7F) << shift
        if byte < 0x80:
            yield value
            value = shift = 0
        else:
            shift += 7
    if shift:
        raise ValueError("a block ends inside a varint")


def _signed(value):
    value &= (1 << 64) - 1
    return value - (1 << 64) if value >= 1 << 63 else value


def block_postings(data):
    numbers = list(_varints(data))
    key = document = None
    for first, second in zip(numbers[0::2], numbers[1::2]):
        if key is None:
            key, document = _signed(first), _signed(second)
        elif first == 0:
            document = _signed(document + second)
        else:
            key, document = _signed(key + first), _signed(second)
        yield key, document


def postings(db, kind):
    """(key, document) pairs of every live posting of a kind: band, anchor or passage."""
    removed = {row[0] for row in db.execute("SELECT id FROM removed_document WHERE band + anchor + passage > 0")}
    rows = db.execute("SELECT b.data FROM posting_block b JOIN posting_run r ON r.id = b.run WHERE r.kind = ?", (kind,))
    for (data,) in rows:
        for key, document in block_postings(data):
            if document not in removed:
                yield key, document
