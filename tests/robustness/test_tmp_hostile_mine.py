import sys
sys.path.insert(0, "/work/main")
import pytest
from tests.robustness import test_hostile_requests as t
from tests.robustness.test_hostile_requests import stored  # noqa: F401

def test_mine(stored):
    client, ids = stored
    bad = []
    for method, template in t.templates(client.app):
        if not any(k in template for k in ("attachments", "protected", "plugins", "tools/")):
            continue
        for parameter in ("id", "name", "label", "path"):
            if "{" + parameter + "}" not in template:
                continue
            for value in t.HOSTILE_VALUES:
                values = t.real_values(template, ids) | {parameter: value}
                answer = client.request(method, t.fill(template, values), json={})
                if t.answer_problem(answer) is not None or answer.status_code < 400:
                    bad.append((method, template, parameter, value[:30], answer.status_code))
    assert not bad, bad
