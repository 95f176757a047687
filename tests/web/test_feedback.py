import pytest

from healthlens.web.feedback import FeedbackError, FeedbackStore, page_fingerprint


def test_fingerprint_is_the_sha256_of_the_text_and_stable():
    assert (
        page_fingerprint("abc")
        == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
    )
    assert page_fingerprint("abc") != page_fingerprint("abc ")


def test_notes_round_trip_and_stay_with_their_page(tmp_path):
    url = f"sqlite:///{tmp_path / 'sub' / 'fb.sqlite'}"  # the folder is created
    store = FeedbackStore(url)
    a, b = page_fingerprint("page a"), page_fingerprint("page b")
    n1 = store.add(
        a,
        "abbreviation_conflict",
        62,
        102,
        "FPIES is defined correctly in this context",
        "Fibromyalgia, often …",
    )
    store.add(b, "off_topic", None, None, "about b")
    store.close()
    reopened = FeedbackStore(url)  # notes survive a restart
    notes = reopened.for_page(a)
    assert [(n.id, n.kind, n.start, n.end, n.note) for n in notes] == [
        (n1.id, "abbreviation_conflict", 62, 102, "FPIES is defined correctly in this context")
    ]
    assert notes[0].key == ("abbreviation_conflict", 62, 102)
    assert notes[0].created_at.endswith("+00:00")
    assert set(reopened.for_pages([a, b, page_fingerprint("c")])) == {a, b}


def test_a_bad_database_url_says_what_to_give():
    with pytest.raises(FeedbackError, match="not a database URL"):
        FeedbackStore("no-such-scheme")


def test_an_in_memory_database_is_shared_by_every_thread():
    import threading

    store = FeedbackStore("sqlite://")
    fp = page_fingerprint("page")
    t = threading.Thread(target=store.add, args=(fp, "off_topic", 0, 4, "from another thread"))
    t.start()
    t.join()
    assert [n.note for n in store.for_page(fp)] == ["from another thread"]
