"""schemathesis hooks of the project's fuzz run (loaded through SCHEMATHESIS_HOOKS by apps/api/test/fuzz.e2e.test.ts).

A rating body drawn from the schema alone names a hall, options and a phone nobody has: the public review endpoint
would only ever answer 404/422. Half of the drawn bodies therefore get real references (a seeded hall, options of the
counter services' set, a mainland mobile number) while their free text, level, client key and reviewer kind stay as
the fuzzer drew them, so the intake's accepting path is fuzzed too; the other half go out as drawn.
"""

import schemathesis
from hypothesis import strategies as st

# prisma/src/seed.ts: HALLS and the OFFLINE option set (the public form rates counter services).
HALLS = ["jiaxiang", "wolongshan", "wanzhang", "jintun", "mandong", "zhifang", "zhongshan", "menggujie", "laosengtang", "huanggai", "liangbaosi", "dazhanglou", "macun"]
OFFLINE_OPTIONS = ["A1", "A2", "A3", "B1", "B2", "B3", "B4", "B5", "C1", "C2"]
# Fields of the other public channels (WINDOW_QR, CASE_INVITATION): the public form refuses them.
OTHER_CHANNEL_FIELDS = ["windowCode", "staffEmployeeNumber", "caseId", "phone", "invitationToken"]

MOBILE = st.from_regex(r"\A1[3-9][0-9]{9}\Z")


def _real_rating(body, hall, options, phone):
    real = {key: value for key, value in body.items() if key not in OTHER_CHANNEL_FIELDS}
    real["channel"] = "PUBLIC_FORM"
    real["hallCode"] = hall
    real["optionCodes"] = options
    reviewer = real.get("reviewer")
    if isinstance(reviewer, dict) and reviewer.get("kind") == "REAL_NAME":
        real["reviewer"] = {**reviewer, "phone": phone}
    return real


@schemathesis.hook.apply_to(method="POST", path="/api/public/reviews")
def flatmap_body(ctx, body):
    if not isinstance(body, dict):
        return st.just(body)
    real = st.builds(
        lambda hall, options, phone: _real_rating(body, hall, options, phone),
        st.sampled_from(HALLS),
        st.lists(st.sampled_from(OFFLINE_OPTIONS), min_size=1, max_size=3, unique=True),
        MOBILE,
    )
    return st.one_of(st.just(body), real)
