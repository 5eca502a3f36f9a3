"""Scoring rules: each rule type is one class that reads, explains and scores itself.

Importing this package registers every rule type in `REGISTRY` by its `type`.
To add a rule type, define a `Rule` subclass with a `type` in one of the
family modules below (or a new module imported here) and write its test.
"""
from inspector_app.rubric.rules.inputs import (CENT, FORMS, HUNDRED, MAX_TEXT, NA, NOT_APPLICABLE, OVERRIDE, OVERRIDE_REASON,
                                               YES_NO, ZERO, Field, InputError, Measured, json_decimal, normalise_value,
                                               not_applicable_reason, q, resolve)
from inspector_app.rubric.rules.base import KEY_RE, REGISTRY, Option, Outcome, Rule, read_options, read_rule
from inspector_app.rubric.rules.checklist import DeductRule, GateRule, ItemsRule
from inspector_app.rubric.rules.measured import (LevelsRule, PercentageRule, ProportionalRule, ShortfallRule, Target,
                                                 ThresholdRule)
from inspector_app.rubric.rules.awards import AwardsRule, HighestRule
from inspector_app.rubric.rules.judged import ManualRule, Part, PartsRule

__all__ = ["CENT", "FORMS", "HUNDRED", "KEY_RE", "MAX_TEXT", "NA", "NOT_APPLICABLE", "OVERRIDE", "OVERRIDE_REASON",
           "REGISTRY", "YES_NO", "ZERO", "Measured", "not_applicable_reason", "resolve", "AwardsRule", "DeductRule", "Field",
           "GateRule", "HighestRule", "InputError", "ItemsRule", "LevelsRule", "ManualRule", "Option", "Outcome",
           "Part", "PartsRule", "PercentageRule", "ProportionalRule", "Rule", "ShortfallRule", "Target", "ThresholdRule",
           "json_decimal", "normalise_value", "q", "read_options", "read_rule"]
