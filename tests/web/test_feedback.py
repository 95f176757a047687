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


def test_notes_per_page_are_capped_when_stored_and_when_returned(tmp_path):
    from healthlens.web.feedback import FeedbackFull

    store = FeedbackStore(f"sqlite:///{tmp_path / 'f.sqlite'}", max_notes_per_page=3)
    fp, other = page_fingerprint("page"), page_fingerprint("other page")
    for i in range(3):
        store.add(fp, "off_topic", i, i + 1, f"note {i}")
    with pytest.raises(FeedbackFull, match="already has 3 notes"):
        store.add(fp, "off_topic", 9, 10, "one too many")
    assert [n.note for n in store.for_page(fp)] == ["note 0", "note 1", "note 2"]
    store.add(other, "off_topic", 0, 1, "another page is not affected")
    # a database filled past the cap by other means (or an older version) returns only the oldest
    wide = FeedbackStore(f"sqlite:///{tmp_path / 'f.sqlite'}", max_notes_per_page=10)
    for i in range(5):
        wide.add(fp, "off_topic", i, i + 1, f"more {i}")
    assert len(wide.for_page(fp)) == 8
    assert [n.note for n in store.for_pages([fp, other])[fp]] == ["note 0", "note 1", "note 2"]
    assert len(store.for_pages([fp, other])[other]) == 1


def test_a_full_page_answers_409_through_the_api(client, app):
    app.state.store.max_notes_per_page = 1
    fp = page_fingerprint("some page")
    body = {"page_fingerprint": fp, "kind": "off_topic", "start": 0, "end": 4, "note": "wrong"}
    assert client.post("/api/feedback", json=body).status_code == 201
    r = client.post("/api/feedback", json=body)
    assert r.status_code == 409 and "already has 1 notes" in r.json()["detail"]
    assert len(client.get(f"/api/feedback?page={fp}").json()) == 1
