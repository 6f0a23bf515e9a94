"""Framing devices: naming choices, attribution, share of voice, actor prominence, frame
dimensions and distancing marks (Entman 1993: selection and salience).

Every measure returns a tidy table with ``article_id`` first and the sentences it rests on, so a
reader can check each number. The word lists behind them are plain data in ``newsframe/data/``
(``naming_concepts.toml``, ``reporting_verbs.toml``, ``frame_dictionaries.toml``,
``distancing.toml``) that users extend or replace. Modules: ``naming``, ``quotes``,
``speakers`` and ``attribution``, ``prominence``, ``frames``, ``distancing``.
"""

from newsframe.framing.attribution import attributions, share_of_voice
from newsframe.framing.distancing import DistancingLexicon, distancing_marks, load_distancing
from newsframe.framing.frames import (
    Frame,
    extend_frames,
    frame_dimensions,
    frame_drivers,
    frame_evidence,
    load_frame_dictionaries,
    match_frames,
)
from newsframe.framing.naming import (
    Concept,
    Variant,
    alias_overlaps,
    load_naming_concepts,
    naming_evidence,
    naming_variants,
    restore_naming_zeros,
)
from newsframe.framing.profile import framing_profile
from newsframe.framing.prominence import (
    actor_positions,
    actor_prominence,
    restore_prominence_zeros,
)
from newsframe.framing.quotes import Quote, find_quotes
from newsframe.framing.speakers import ReportingVerbs, load_reporting_verbs

__all__ = [
    "Concept",
    "DistancingLexicon",
    "Frame",
    "Quote",
    "ReportingVerbs",
    "Variant",
    "actor_positions",
    "actor_prominence",
    "alias_overlaps",
    "attributions",
    "distancing_marks",
    "extend_frames",
    "find_quotes",
    "frame_dimensions",
    "frame_drivers",
    "frame_evidence",
    "framing_profile",
    "load_distancing",
    "load_frame_dictionaries",
    "load_naming_concepts",
    "load_reporting_verbs",
    "match_frames",
    "naming_evidence",
    "naming_variants",
    "restore_naming_zeros",
    "restore_prominence_zeros",
    "share_of_voice",
]
