"""A group's `ReportData` gathered from the store: the panel's settled score, findings, photos, experts.

The unit's report reads only the settled parts (`card`, `explanations`, the
findings, problem items, meeting); the 合议记录 also reads `places` and
`experts`, where each expert's own scores and notes are.
"""
from __future__ import annotations

import datetime as _dt
from decimal import Decimal

from inspector_app.numbers import fmt_points
from inspector_app.reports.model import (EvidenceItem, ExpertSheet, Findings, LastYear, Meeting, PanelMember, Photo,
                                         ProblemItem, ReportData, SettledPlace, Status)
from inspector_app.rubric.model import Rubric
from inspector_app.rubric.rules import OVERRIDE, OVERRIDE_REASON, Outcome
from inspector_app.scoring.engine import Scorer
from inspector_app.store import entries as E
from inspector_app.store import feedback as F
from inspector_app.store import evidence_records as ER
from inspector_app.store import rectification as R
from inspector_app.store import photo_records as PR
from inspector_app.store import experts as EX
from inspector_app.store import plans as P
from inspector_app.scoring.panel import SETTLED_BY, settled_points
from inspector_app.store.consensus import panel_scorer, places
from inspector_app.store.db import Store, StoreError
from inspector_app.store.finalisation import report_state
from inspector_app.store.findings import get_findings


def result_status(store: Store, plan: P.Plan, group: P.Group) -> Status:
    """Whether the group's result is final (定稿), with its dates and version. The one place reports ask.

    A result changed since it was finalised prints as a draft again, with the finalised dates.
    """
    state = report_state(store, plan, P.plan_rubric(store, plan), group)
    return Status(final=state.is_final, visited_on=state.visit_date or None, meeting_on=state.meeting_date or None,
                  version=state.version or None)


def expert_card(rubric: Rubric, group: P.Group, own: list[E.Entry]):
    """One expert's own scores totalled by the engine, as that expert's 评分表 must show them."""
    scorer = Scorer(rubric, group.schools, group.group_type)
    for entry in own:
        if entry.points is None or not rubric.has_indicator(entry.indicator):
            continue
        scorer.settle(entry.indicator, Outcome(entry.points, list(entry.explanation)), entry.school_id or None)
    return scorer.card()


def report_data(store: Store, plan: P.Plan, group: P.Group, *, date: _dt.date | None = None) -> ReportData:
    rubric = P.plan_rubric(store, plan)
    card = panel_scorer(store, plan, rubric, group).card()
    experts = EX.experts(store, plan.id)
    names = {e.id: e.name for e in experts}
    entries = E.entries(store, plan.id, group.id)
    status = result_status(store, plan, group)
    schools = {s.id: s for s in group.schools}

    typed_by = {(e.expert_id, e.school_id, e.indicator): names.get(e.typed_by, e.typed_by)
                for e in entries if e.transcribed}
    computed = {(e.expert_id, e.school_id, e.indicator): _rule_figure(rubric, e.indicator, e.inputs)
                for e in entries if e.inputs.get(OVERRIDE_REASON) and rubric.has_indicator(e.indicator)}
    settled_places = []
    explanations: dict[str, list[str]] = {}
    for place in places(store, plan, group):
        if not rubric.has_indicator(place.indicator):
            continue
        points, method = settled_points(place, plan.consensus)
        settled_places.append(SettledPlace(
            place.indicator, place.school_id, {names.get(e, e): v for e, v in sorted(place.scores.items())},
            points, SETTLED_BY.get(method, method) if points is not None else "待组长决定", place.decided_reason,
            {names.get(e, e): n for e, n in place.notes.items() if n},
            {names.get(e, e): typed_by[(e, place.school_id, place.indicator)] for e in place.scores
             if (e, place.school_id, place.indicator) in typed_by},
            {names.get(e, e): r for e, r in sorted(place.overrides.items())},
            {names.get(e, e): computed.get((e, place.school_id, place.indicator)) for e in place.overrides}))
        # What the unit reads: the computation when one expert scored, the panel's figure otherwise.
        if place.school_id:
            continue
        if len(place.scores) == 1 and place.decided is None:
            explanations[place.indicator] = list(next(iter(place.explanations.values()), ()))
        elif points is not None:
            explanations[place.indicator] = [f"考核组合议得分 {fmt_points(points)}"]
            if place.overrides and place.decided is None:  # the unit reads no expert's name
                explanations[place.indicator] += [
                    f"专家改定得分：按计分办法 {_pts(computed.get((e, '', place.indicator)))} 分，"
                    f"改定为 {_pts(place.scores.get(e))} 分；理由：{r}" for e, r in sorted(place.overrides.items())]
    for code, result in card.indicators.items():
        ind = rubric.indicator(code)
        if ind.scope.per_school and result.per_school:
            lines = []
            for sid, outcome in result.per_school.items():
                if outcome.points is not None and sid in schools:
                    short = schools[sid].short(group.name)
                    lines.append(f"{short}：{fmt_points(outcome.points)}")
            if result.lines and result.done:
                lines.append(result.lines[-1])  # the aggregate: 平均分 = …
            explanations[code] = lines

    found = E.vetoes(store, plan.id, group.id)
    veto_reasons = {key: reason for _e, key, value, reason in found if value and reason}
    veto_by: dict[str, list[str]] = {}
    for e, key, value, _reason in found:
        if value:
            veto_by.setdefault(key, []).append(names.get(e, e))
    last_year_areas, last_year = None, None
    priors = P.prior_results(store, plan.id, group.id)
    if priors:
        prior = priors[0]
        maxima = {a.code: a.max for a in rubric.areas}
        if prior["areas"]:
            last_year_areas = {code: Decimal(points) / maxima[code] * 100 for code, points in prior["areas"].items()
                               if code in maxima and maxima[code]}
        total = Decimal(prior["total"]) if prior.get("total") not in (None, "") else None
        last_year = LastYear(str(prior["year"]), total, prior.get("grade") or "", prior.get("rank"),
                             len(P.groups(store, plan.id)) if prior.get("rank") else None)
    own_self = P.self_scores(store, plan.id, group.id)
    self_points = {code: points for (school, code), points in own_self.items() if not school}
    self_total = None
    if self_points:
        self_total = Decimal(0)
        for area in rubric.areas:
            got = sum((self_points.get(ind.code, Decimal(0)) for ind in area.indicators), Decimal(0))
            self_total += min(got, area.max)
    photos = []
    chosen = [rec for rec in PR.list_photos(store, plan.id, group.id) if rec.chosen]
    PR.prepare_files(store, chosen)  # merged photos are written out on first use, several at a time
    for rec in chosen:
        try:
            path = PR.file_path(store, rec)
        except StoreError:
            continue  # a missing file is reported by the store's checks, not by a broken report
        photos.append(Photo(path, rec.caption, rec.indicator, rec.school_id, rec.markup, rec.sha256))
    evidence = [EvidenceItem(f.name, f.type_label, f.indicator, f.school_id)
                for f in ER.list_files(store, plan.id, group.id)]
    sheets = []
    for expert in experts:
        own = [e for e in entries if e.expert_id == expert.id]
        sheet = ExpertSheet(expert.name, expert.fingerprint or "", expert.role, card=expert_card(rubric, group, own))
        for e in own:
            if e.school_id:
                sheet.school_points.setdefault(e.indicator, {})[e.school_id] = e.points
            else:
                sheet.points[e.indicator] = e.points
                sheet.explanations[e.indicator] = list(e.explanation)
            if e.note:
                sheet.notes[e.indicator] = e.note
        sheets.append(sheet)
    findings = get_findings(store, plan.id, group.id)
    pub = plan.publication
    items = [ProblemItem(i.text, "、".join(i.indicators), i.schools[0] if len(i.schools) == 1 else "", i.deadline,
                         i.schools) for i in R.items(store, plan.id, group.id, own_only=True)]
    carried = [ProblemItem(i.text, "、".join(i.indicators), i.schools[0] if len(i.schools) == 1 else "", i.deadline,
                           i.schools, i.status) for i in R.carried_items(store, plan.id, group.id)]
    if not items:
        items = [ProblemItem(line.strip().removeprefix("（演示）"), deadline=pub.rectification_due)
                 for line in findings["problems"].splitlines() if line.strip()]
    m = F.meeting(store, plan.id, group.id)
    return ReportData(
        plan_title=plan.title, school_year=f"{plan.school_year}学年", stage=plan.stage,
        date=status.visited_on or date or "", group_name=group.name, group_type=group.group_type,
        schools=list(group.schools),
        panel=[PanelMember(e.name, e.role, e.fingerprint or "") for e in experts],
        rubric=rubric, card=card,
        findings=Findings(findings["achievements"], findings["problems"], findings["suggestions"]),
        reasons={p.indicator: p.reason for p in settled_places if p.reason and not p.school_id},
        veto_reasons=veto_reasons, veto_by=veto_by, last_year_areas=last_year_areas, self_points=self_points or None,
        photos=photos, evidence=evidence, experts=sheets, demo=plan.demo, status=status, issuing_body=pub.issuing_body,
        rectification_due=pub.rectification_due, problem_items=items, carried_items=carried,
        meeting=Meeting(m.held_at, m.place, m.attendees, m.response), last_year=last_year,
        self_total=self_total, explanations=explanations, places=settled_places)


def _rule_figure(rubric: Rubric, code: str, inputs: dict) -> Decimal | None:
    """What the rule gives for an entry's inputs without the panel's override."""
    rest = {k: v for k, v in inputs.items() if k not in (OVERRIDE, OVERRIDE_REASON)}
    try:
        return rubric.indicator(code).rule.score(rest).points
    except ValueError:  # stored inputs were valid with the override; without it they still are
        return None


def _pts(value: Decimal | None) -> str:
    return "—" if value is None else fmt_points(value)
