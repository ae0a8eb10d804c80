"""axe-core, from the npm package in node_modules, run inside a Playwright page or frame."""

from __future__ import annotations

from painchat.settings import PROJECT_ROOT

AXE_SCRIPT = PROJECT_ROOT / "node_modules" / "axe-core" / "axe.min.js"
SERIOUS = ("serious", "critical")


def axe_violations(target, selector: str | None = None) -> list[dict]:
    """Serious and critical WCAG 2.x A/AA violations in a page or frame (optionally under one selector)."""
    if not AXE_SCRIPT.exists():
        raise FileNotFoundError(f"{AXE_SCRIPT} is missing: run `npm ci` (make test does)")
    target.add_script_tag(path=str(AXE_SCRIPT))
    result = target.evaluate(
        """async (selector) => await axe.run(selector ? document.querySelector(selector) : document,
               {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']}})""",
        selector,
    )
    return [
        {"id": v["id"], "impact": v["impact"], "help": v["help"], "targets": [n["target"] for n in v["nodes"]]}
        for v in result["violations"]
        if v["impact"] in SERIOUS
    ]
