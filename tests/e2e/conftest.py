"""The two-clone fixtures of test_sync.py, shared with the other end-to-end tests."""

from tests.e2e.test_sync import ana, ben, remote  # noqa: F401 - fixtures
