"""The HTML report: from a folder of articles to one self-contained page, its figures, its
tables and a machine-readable summary (``newsframe report SOURCE --out DIR``)."""

from newsframe.report.build import ReportPlan, build_report, plan_comparison

__all__ = ["ReportPlan", "build_report", "plan_comparison"]
