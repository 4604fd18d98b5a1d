"""Normalising printed phone numbers: one display form and one comparison key per line.

Chinese style for +86 numbers (0571-85369138, 400-843-5559, 13023091972, extensions as
0755-28761234-801; "86-755-…", "+86-0755-…" and "0086 …" read as +86), international format
otherwise (+1 586-339-5370). `key_of` gives the digits two printings of one line share (country
code and trunk 0 dropped). Used by phones.py (numbers on pages) and prospect_intel.app.field_values (numbers
a rep types).
"""
from __future__ import annotations

import re
from functools import lru_cache

import phonenumbers

# Keep the phone library's compiled metadata patterns: a night's sites span many regions, whose
# hundreds of patterns would otherwise push ours out of the re module's 512-entry cache.
phonenumbers.enable_pattern_cache()

_CN_MOBILE = re.compile(r"1[3-9]\d{9}")
_CN_SERVICE = re.compile(r"[48]00\d{7}")
# A trunk-0 area code set apart from the local number: 0571-85369138, (0755) 2876 1234, (02)8740-8399.
_SEPARATED_LANDLINE = re.compile(r"\(?0\d{2,4}\)?[\s-]\s*\d{3,4}[\s-]?\d{3,4}|\(0\d{1,4}\)\s*\d{3,4}[\s-]?\d{3,4}")
_BARE_86 = re.compile(r"\(?(?:00)?86\)?[\s.-]+(?=\(?0?[1-9])")  # country code printed without "+"
_SPACES = re.compile(r"\s+")
# A template's number: the digits counted up to 0 (01234 567 890, 123-456-7890); a run that
# stops short (400-123-4567, 136 1234 5678) is a vanity number, sold as such in China.
_PLACEHOLDER_RUN = re.compile(r"234567890")
_NANP_TRUNK = re.compile(r"1[\s.-]\(?\d{3}")  # 1-586-..., 1 (586) ...
# "1-416-330-3117": North America's trunk 1 and its 3-3-4 grouping, not a Chinese mobile (3-4-4).
_NANP_GROUPED = re.compile(r"1[\s.-]\(?[2-9]\d{2}\)?[\s.-]\d{3}[\s.-]\d{4}")
_NANP = re.compile(r"(?:1[\s.-])?\(?[2-9]\d{2}\)?[\s.-]?\d{3}[\s.-]\d{4}")


@lru_cache(maxsize=8192)  # a site prints the same numbers on every page; the phone library is slow
def normalise(raw: str, region: str, lang: str, labelled: bool,
              lenient: bool = True) -> tuple[str, str] | None:
    """(display form, comparison key) of a printed number, or None if it is not a phone.
    `lenient`: keep a labelled or clearly shaped number the phone library rejects, as printed."""
    ext_match = re.search(r"(?:转|分机|ext\.?|x|#)\s*(\d{1,5})$", raw, re.IGNORECASE)
    ext = ext_match.group(1) if ext_match else ""
    body = raw[:ext_match.start()] if ext_match else raw
    digits = re.sub(r"\D", "", body)
    international = body.strip().lstrip("(").startswith("+")  # +1 828 ..., (+1)828-...
    dash = re.fullmatch(r"(.*\d)-(\d{1,5})", body.strip())
    if not ext and len(digits) > 12 and dash:  # 0571-85369138-8001, (0755) 2876 1234-801
        found = normalise(f"{dash.group(1)}转{dash.group(2)}", region, lang, labelled, lenient)
        if found is not None:
            return found
    bare = _BARE_86.match(body)
    if bare and not international and region == "CN":  # 86-755-28761234, 0086 755 ...
        return normalise("+86 " + body[bare.end():] + (f"转{ext}" if ext else ""), region, lang,
                         labelled, lenient)
    if not 7 <= len(digits) <= 15 or is_placeholder(digits):
        return None
    if international and region == "CN" and not _valid_abroad(digits):
        if _CN_MOBILE.fullmatch(digits):
            return digits, digits  # "+135 3083 9500": a Chinese mobile with a stray plus, not +1 353 ...
        if _CN_SERVICE.fullmatch(digits):
            return _chinese(digits, digits, ext, True)  # "+4007676977": a 400 line, not +40 07676977
    if region == "CN" and not international and _NANP_GROUPED.fullmatch(body.strip()) and _valid_abroad(digits):
        return normalise("+" + digits + (f" ext {ext}" if ext else ""), region, lang, labelled, lenient)
    if region == "CN" and not international or (international and digits.startswith("86")):
        if international:  # +86 571 ..., +86-0755-... (trunk 0 printed anyway)
            rest = digits[2:]
            digits = rest if _CN_MOBILE.fullmatch(rest) or _CN_SERVICE.fullmatch(rest) \
                or rest.startswith("0") else "0" + rest
        return _chinese(body, digits, ext, labelled or international)
    strong = international or bool(_NANP.fullmatch(body.strip())) \
        or bool(_SEPARATED_LANDLINE.fullmatch(body.strip()))
    if not (strong or labelled):
        return None
    if not international and digits.startswith("0") and phonenumbers.country_code_for_region(region) == 1:
        # North American numbers have no trunk 0: this one is from elsewhere (028 9622 3008), and
        # read as one of them it would lose digits (+1 0289622). Kept as printed, or not at all.
        return (_SPACES.sub(" ", raw.strip()), key_of(raw)) if lenient else None
    try:
        parsed = phonenumbers.parse(body, None if international else region)
    except phonenumbers.NumberParseException:
        return None
    if ext:
        parsed.extension = ext
    # A North American number has its area code: seven digits are a local number, or the end of
    # a number from elsewhere (033 345 6696 read from "345 6696"), never "+1 3456696".
    whole = parsed.country_code != 1 or len(str(parsed.national_number)) == 10
    if whole and phonenumbers.is_possible_number(parsed) and (labelled or international
                                                              or phonenumbers.is_valid_number(parsed)):
        display = phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
        return display, key_of(display)
    if lenient and (strong or labelled):
        display = _SPACES.sub(" ", raw.strip())
        return display, key_of(display)
    return None


def is_placeholder(raw: str) -> bool:
    return _PLACEHOLDER_RUN.search(re.sub(r"\D", "", raw)) is not None


def _valid_abroad(digits: str) -> bool:
    """Whether +`digits` is a valid number of the country its code names."""
    try:
        return phonenumbers.is_valid_number(phonenumbers.parse("+" + digits, None))
    except phonenumbers.NumberParseException:
        return False


def _chinese(body: str, digits: str, ext: str, labelled: bool) -> tuple[str, str] | None:
    suffix = f"-{ext}" if ext else ""
    if digits.startswith("0") and _CN_MOBILE.fullmatch(digits[1:]):
        digits = digits[1:]  # "(0)13706856251": a trunk 0 printed before a mobile, which has none
    if _CN_MOBILE.fullmatch(digits):
        return digits, digits
    if _CN_SERVICE.fullmatch(digits):
        number = f"{digits[:3]}-{digits[3:6]}-{digits[6:]}"
        return number + suffix, digits + ext
    if digits.startswith("0") and 10 <= len(digits) <= 12:
        area = 3 if digits[1] in "12" else 4
        if not (labelled or _SEPARATED_LANDLINE.fullmatch(body.strip())):
            return None
        if not _valid_in_china(digits):
            return None  # 0755-2296816: too short or long for its area code, a typo or a fragment
        number = f"{digits[:area]}-{digits[area:]}"
        return number + suffix, digits.lstrip("0") + ext
    if labelled and 7 <= len(digits) <= 8 and not digits.startswith("0"):
        return digits + suffix, digits + ext  # local number without area code
    return None


def _valid_in_china(digits: str) -> bool:
    """Whether a number dialled in China with its area code is one its numbering plan allows."""
    try:
        return phonenumbers.is_valid_number(phonenumbers.parse(digits, "CN"))
    except phonenumbers.NumberParseException:
        return False


@lru_cache(maxsize=8192)
def key_of(printed: str) -> str:
    """Digits for comparing numbers printed differently: country code and trunk 0 dropped."""
    text = re.split(r"(?:转|分机|ext\.?|(?<![a-z])x(?=\s*\d)|#)", printed, maxsplit=1, flags=re.IGNORECASE)[0]
    # "(+88) 09606 993300": the country code in brackets; "1-877-AXSETR1": letters on the keypad
    text = phonenumbers.convert_alpha_characters_in_number(text.strip().lstrip("("))
    bare = _BARE_86.match(text)
    text = "+86 " + text[bare.end():] if bare else text
    digits = re.sub(r"\D", "", text)
    if text.startswith("+") or text.startswith("00"):
        digits = digits[2:] if text.startswith("00") else digits
        try:
            parsed = phonenumbers.parse("+" + digits, None)
            digits = str(parsed.national_number)
        except phonenumbers.NumberParseException:
            pass
    elif _NANP_TRUNK.match(text) and len(digits) == 11:
        digits = digits[1:]
    return digits.lstrip("0")
