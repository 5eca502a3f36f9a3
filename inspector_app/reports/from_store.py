"""A group's `ReportData` gathered from the store: the panel's settled score, findings, photos, experts."""
from __future__ import annotations

import datetime as _dt
from decimal import Decimal

from inspector_app.reports.model import ExpertSheet, Findings, PanelMember, Photo, ReportData, SchoolInfo
from inspector_app.store import entries as E
from inspector_app.store import photo_records as PR
from inspector_app.store import plans as P
from inspector_app.store.consensus import decision_reasons, panel_scorer
from inspector_app.store.db import Store, StoreError
from inspector_app.store.findings import get_findings


def report_data(store: Store, plan: P.Plan, group: P.Group, *, date: _dt.date | None = None) -> ReportData:
    rubric = P.plan_rubric(store, plan)
    card = panel_scorer(store, plan, rubric, group).card()
    experts = P.experts(store, plan.id)
    names = {e.id: e.name for e in experts}
    entries = E.entries(store, plan.id, group.id)
    # The reason behind each indicator's points: the experts' notes, named when several scored it.
    reasons: dict[str, str] = {}
    for code in {e.indicator for e in entries}:
        notes = [(names.get(e.expert_id, e.expert_id), e.note) for e in entries if e.indicator == code and e.note]
        if notes:
            reasons[code] = notes[0][1] if len(notes) == 1 else "；".join(f"{who}：{n}" for who, n in notes)
    for _school, code, reason in decision_reasons(store, plan.id, group.id):
        reasons[code] = f"组长定分理由：{reason}" + (f"；{reasons[code]}" if code in reasons else "")
    veto_reasons = {key: reason for _e, key, value, reason in E.vetoes(store, plan.id, group.id) if value and reason}
    last_year = None
    priors = P.prior_results(store, plan.id, group.id)
    if priors and priors[0]["areas"]:
        maxima = {a.code: a.max for a in rubric.areas}
        last_year = {code: Decimal(points) / maxima[code] * 100 for code, points in priors[0]["areas"].items()
                     if code in maxima and maxima[code]}
    self_points = {code: points for (school, code), points in P.self_scores(store, plan.id, group.id).items()
                   if not school}
    photos = []
    for rec in PR.list_photos(store, plan.id, group.id):
        if not rec.chosen:
            continue
        try:
            path = PR.file_path(store, rec)
        except StoreError:
            continue  # a missing file is reported by the store's checks, not by a broken report
        photos.append(Photo(path, rec.caption, rec.indicator, rec.school_id))
    sheets = []
    for expert in experts:
        own = [e for e in entries if e.expert_id == expert.id]
        if not own:
            continue
        sheet = ExpertSheet(expert.name, expert.fingerprint or "", expert.role)
        for e in own:
            if e.school_id:
                sheet.school_points.setdefault(e.indicator, {})[e.school_id] = e.points
            else:
                sheet.points[e.indicator] = e.points
            if e.note:
                sheet.notes[e.indicator] = e.note
        sheets.append(sheet)
    findings = get_findings(store, plan.id, group.id)
    return ReportData(
        plan_title=plan.title, school_year=f"{plan.school_year}学年", stage=plan.stage,
        date=date or _dt.date.today(), group_name=group.name, group_type=group.group_type,
        schools=[SchoolInfo(s.id, s.name, s.role, s.kind) for s in group.schools],
        panel=[PanelMember(e.name, e.role, e.fingerprint or "") for e in experts],
        rubric=rubric, card=card,
        findings=Findings(findings["achievements"], findings["problems"], findings["suggestions"]),
        reasons=reasons, veto_reasons=veto_reasons, last_year_areas=last_year, self_points=self_points or None,
        photos=photos, experts=sheets, demo=plan.demo)
