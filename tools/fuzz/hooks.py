"""schemathesis hooks of the project's fuzz run (SCHEMATHESIS_HOOKS names this file in apps/api/test/fuzz.e2e.test.ts).

A rating body drawn from the schema alone names a hall, options and a phone nobody has: the public review endpoint
would only ever answer 404/422. Half of the drawn bodies therefore get real references (a seeded hall, options of the
counter services' set, a level, typed text, an anonymous or real-name reviewer with a mainland mobile number, a client
key of the documented pattern) while any other field stays as the fuzzer drew it, so the intake's accepting path is
fuzzed too; the other half go out as drawn.
"""

import schemathesis
from hypothesis import strategies as st

# prisma/src/seed.ts: HALLS and the OFFLINE option set (the public form rates counter services).
HALLS = ["jiaxiang", "wolongshan", "wanzhang", "jintun", "mandong", "zhifang", "zhongshan", "menggujie", "laosengtang", "huanggai", "liangbaosi", "dazhanglou", "macun"]
OFFLINE_OPTIONS = ["A1", "A2", "A3", "B1", "B2", "B3", "B4", "B5", "C1", "C2"]
# Fields of the other public channels (WINDOW_QR, CASE_INVITATION): the public form refuses them.
OTHER_CHANNEL_FIELDS = ["windowCode", "staffEmployeeNumber", "caseId", "phone", "invitationToken"]

MOBILE = st.from_regex(r"\A1[3-9][0-9]{9}\Z")
# apps/api/src/review-intake/dto/rating-fields.ts: CLIENT_KEY. Drawn anew per body: a key reused with another body is a
# 409 by design.
CLIENT_KEY = st.from_regex(r"\A[A-Za-z0-9_-]{8,64}\Z")
# Text a person could type: CJK, Latin letters, digits, punctuation (what PostgreSQL cannot store is fuzzed by the
# other half, as drawn).
TYPED = st.text(st.characters(min_codepoint=0x20, max_codepoint=0x9FA5, exclude_categories=["Cs", "Cc", "Co", "Cn"]), min_size=1, max_size=60)
REVIEWER = st.one_of(
    st.just({"kind": "ANONYMOUS"}),
    st.builds(lambda name, phone: {"kind": "REAL_NAME", "name": name, "phone": phone}, TYPED, MOBILE),
)


def _real_rating(body, client_key, hall, level, options, comment, reviewer):
    real = {key: value for key, value in body.items() if key not in OTHER_CHANNEL_FIELDS}
    real.update(clientKey=client_key, channel="PUBLIC_FORM", hallCode=hall, level=level, optionCodes=options, comment=comment, reviewer=reviewer)
    return real


@schemathesis.hook.apply_to(method="POST", path="/api/public/reviews")
def flatmap_body(ctx, body):
    if not isinstance(body, dict):
        return st.just(body)
    real = st.builds(
        lambda client_key, hall, level, options, comment, reviewer: _real_rating(body, client_key, hall, level, options, comment, reviewer),
        CLIENT_KEY,
        st.sampled_from(HALLS),
        st.integers(min_value=1, max_value=5),
        st.lists(st.sampled_from(OFFLINE_OPTIONS), min_size=1, max_size=3, unique=True),
        TYPED,
        REVIEWER,
    )
    return st.one_of(st.just(body), real)
