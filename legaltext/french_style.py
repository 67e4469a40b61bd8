"""The checkable rules of the French style sheet (STYLE-FR.md), on French sources.

Each rule is a pattern that must not appear in the text of a French page or of
the French interface strings, with what is wrong and how to fix it. Code
(between backticks or in fenced blocks) and addresses are not checked: they
are not French prose.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Rule:
    name: str
    pattern: re.Pattern
    what: str
    fix: str


RULES = [
    Rule("article-premier",
         re.compile(r"(?<![\w.])[Aa]rticle 1(?:er)?(?![\d\w])(?!\s*(?:à|-|–)\s*\d)"),
         "the first article is written « Article 1 »",
         "write « Article premier » (« l’article premier » in running text)"),
    Rule("ordinal-digits",
         re.compile(r"(?<![\w/#-])\d+(?:e|es|ème|èmes|er|re|è)(?![\w<])"),
         "an ordinal is written with a plain suffix (« 13e »)",
         "raise the suffix: « 13<sup>e</sup> », « 1<sup>er</sup> »"),
    Rule("century",
         re.compile(r"\b[IVXLC]+(?:e|ème|è)\s+siècle"),
         "a century is written with a plain suffix (« XXIe siècle »)",
         "write « XXI<sup>e</sup> siècle »"),
    Rule("numero",
         re.compile(r"(?<!\w)(?:[nN]°|[nN]º|No\.|N\. ?o)\s*(?=\d)"),
         "« numéro » is abbreviated with a degree sign or « No. »",
         "write « n<sup>o</sup> » (« n<sup>os</sup> » for several)"),
    Rule("d-ici-a",
         re.compile(r"\bd[’']ici (?=\d)"),
         "a deadline is written « d’ici 2015 »",
         "write « d’ici à 2015 » (UN usage: « d’ici à 2015 et au-delà »)"),
    Rule("before-and-beyond",
         re.compile(r"\bavant et après (?=\d{4})"),
         "\"before and beyond 2015\" is translated literally",
         "write « d’ici à 2015 et au-delà »"),
    Rule("english-quotes",
         re.compile(r"[“”]"),
         "English quotation marks in French text",
         "use « guillemets » (and “ ” only for a quotation inside a quotation)"),
    Rule("cle",
         re.compile(r"\bclés?\b"),
         "« clé » is written with the modern spelling",
         "write « clef » / « clefs », as UN French does"),
    Rule("et-ou",
         re.compile(r"\bet/ou\b"),
         "« et/ou » is not used in UN French drafting",
         "write « ou », or « … ou …, ou les deux »"),
]

# Not French prose: inline code and link and autolink addresses (fenced code blocks are
# skipped line by line; the English block of an interface-strings file by french_block).
_CODE = re.compile(r"`[^`]*`|<https?://[^>]*>|\]\([^)]*\)|https?://\S+")


def style_problems(source: str, path: str) -> list[str]:
    """One message per rule broken in a French source, with its file and line."""
    problems = []
    fenced = False
    for number, line in enumerate(source.splitlines(), start=1):
        if line.lstrip().startswith("```"):
            fenced = not fenced
            continue
        if fenced:
            continue
        prose = _CODE.sub(" ", line)
        for rule in RULES:
            match = rule.pattern.search(prose)
            if match:
                problems.append(f"{path}, line {number}: {rule.what} (« {match.group(0).strip()} », "
                                f"rule “{rule.name}” of STYLE-FR.md). Fix: {rule.fix}.")
    return problems


def french_block(strings_template: str) -> str:
    """The French part of an interface-strings template, blank lines in place of the rest,
    so that line numbers stay those of the file."""
    lines = strings_template.splitlines()
    start = next((i for i, line in enumerate(lines) if line.strip().startswith('"fr"')), len(lines))
    return "\n".join("" if i < start else line for i, line in enumerate(lines))
