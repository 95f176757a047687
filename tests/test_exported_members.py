import healthlens


def test_public_api_is_exactly_all():
    exported = {n for n in dir(healthlens) if not n.startswith("_")} - {
        "errors",
        "models",
        "pipeline",
        "read",
        "understand",
        "check_",
        "answer",
        "question",
        "knowledge",
        "report",
        "cli",
    }
    assert set(healthlens.__all__) - {"__version__"} <= exported
    assert sorted(healthlens.__all__) == sorted(
        [
            "check",
            "check_pages",
            "analyze_page",
            "ask",
            "Report",
            "Page",
            "Finding",
            "Question",
            "Answer",
            "HealthlensError",
            "InputError",
            "KnowledgeError",
            "Deadline",
            "DeadlineExceeded",
            "__version__",
            "REPORT_VERSION",
        ]
    )
