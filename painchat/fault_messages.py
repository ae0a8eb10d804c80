"""What a patient is told when the system around the assistant fails: a calm sentence, no details.

The details (paths, hosts, the error itself) go to the server log for the operator.
"""

from __future__ import annotations

import logging

from painchat import messages
from painchat.errors import DataDirError, PainchatError, StoreError

log = logging.getLogger("painchat")


def for_patient(err: BaseException, *, starting: bool = False) -> str:
    """One calm sentence for the chat; the error is logged (with a traceback only if it is unexpected)."""
    if isinstance(err, PainchatError):
        log.warning("painchat: %s", err)
    else:
        log.error("painchat: unexpected error", exc_info=err)
    if starting:
        return messages.CANNOT_START
    if isinstance(err, StoreError):
        return messages.STORE_UNAVAILABLE
    if isinstance(err, DataDirError):
        return messages.FEEDBACK_NOT_SAVED
    return messages.SERVICE_UNAVAILABLE
