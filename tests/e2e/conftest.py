"""The two-clone fixtures (tests.e2e.clones), for every end-to-end test."""

from tests.e2e.clones import ana, ben, remote  # noqa: F401 - fixtures
