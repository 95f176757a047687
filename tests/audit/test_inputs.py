from healthlens.audit.inputs import Skipped, iter_records, source_kind


def test_every_kind_of_input_streams_records_with_unique_stable_ids(corpus):
    skipped = Skipped()
    recs = list(iter_records(corpus, skipped))
    ids = [r.id for r in recs]
    assert len(ids) == len(set(ids)) == 17
    assert [r.seq for r in recs] == list(range(17))
    assert ids == [
        r.id for r in iter_records(corpus)
    ]  # the same ids on a rerun: what resuming relies on
    by_source = {}
    for r in recs:
        by_source.setdefault(source_kind(r.source), []).append(r)
    assert len(by_source["page"]) == 6  # five files and the missing one
    assert len(by_source["warc"]) == 5 and skipped.records == 3  # image, redirect, 404 skipped
    assert len(by_source["jsonl"]) == 4 and len(by_source["parquet"]) == 2


def test_warc_records_carry_url_record_id_and_payload(corpus):
    warc = [r for r in iter_records(corpus) if source_kind(r.source) == "warc"]
    first = warc[0]
    assert first.url == "https://a.example/celiac" and first.record_id.startswith("<urn:uuid:")
    assert first.input == f"{first.url} {first.record_id}"
    assert b"Is celiac disease autoimmune?" in first.data and first.hint == "html"
    assert warc[-1].url == "https://a.example/saved.html"  # an HTML resource record is a page too


def test_bad_jsonl_lines_and_missing_columns_are_records_with_errors(corpus, tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    jsonl = [r for r in iter_records(corpus) if source_kind(r.source) == "jsonl"]
    assert [r.error_kind for r in jsonl] == [None, None, "parse", "unreadable"]
    assert jsonl[1].hint == "text" and jsonl[0].hint == "html"
    assert "pages.jsonl.gz:3" in jsonl[2].error
    bad = tmp_path / "nourl.parquet"
    pq.write_table(pa.table({"body": ["x"]}), bad)
    (rec,) = list(iter_records([str(bad)]))
    assert rec.error_kind == "unreadable" and "url" in rec.error and "nourl.parquet" in rec.error


def test_a_warc_cut_inside_a_record_keeps_the_good_records_and_flags_the_cut_one(tmp_path):
    from .conftest import GOOD, write_warc

    path = tmp_path / "cut.warc.gz"
    write_warc(
        path,
        [("https://a.example/1", GOOD.encode()), ("https://a.example/2", GOOD.encode())],
        extras=False,
    )
    data = path.read_bytes()
    path.write_bytes(data[: len(data) - 40])  # the end of the last record's payload is missing
    first, second = iter_records([str(path)])
    assert first.error_kind is None and b"celiac" in first.data
    assert (
        second.error_kind == "unreadable"
        and "cut short" in second.error
        and "https://a.example/2" in second.error
    )
