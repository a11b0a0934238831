"""realpolitik: reads news and rebuilds, with evidence, the system of actors it describes."""

from realpolitik.api import Session, open
from realpolitik.config import Config

__all__ = ["Config", "Session", "open"]
__version__ = "0.1.0"
