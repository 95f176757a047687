"""`healthlens serve`: its options, a bad --db, and the settings its worker processes share."""

from click.testing import CliRunner

from healthlens.cli import main


def test_serve_is_a_healthlens_command_with_host_port_and_db():
    r = CliRunner().invoke(main, ["serve", "--help"])
    assert r.exit_code == 0
    for option in ("--host", "--port", "--db", "--no-fetch", "--workers"):
        assert option in r.output


def test_serve_with_an_unusable_database_says_so_and_does_not_start():
    r = CliRunner().invoke(main, ["serve", "--db", "nonsense"])
    assert r.exit_code == 1
    assert "--db 'nonsense': not a database URL" in r.output and "sqlite:///" in r.output


def test_worker_processes_get_the_same_settings(monkeypatch):
    from healthlens.web.settings import SETTINGS_ENV, WebSettings

    settings = WebSettings(
        db_url="sqlite:///x.sqlite", allow_fetch=False, allowed_hosts=["127.0.0.1", "box.lan"]
    )
    monkeypatch.setenv(SETTINGS_ENV, settings.to_json())
    assert WebSettings.from_env() == settings
