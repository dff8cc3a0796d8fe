#!/usr/bin/env python3
"""MIME wrapper for hand-written reply bodies (specs in chunk*.txt).

The script only wraps: headers, encodings, quoting the applicant's ask.
Every body, signature and notice text lives in the chunk files.
"""
import base64, datetime, glob, hashlib, html, os, quopri, random, re, sys, textwrap
from email.header import Header
from email.utils import formataddr

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.dirname(HERE)
APP_NAME = "Karim Haddad"
APP_ADDR = "karim.haddad@inbox.test"


def parse_blocks(path):
    text = open(path, encoding="utf-8").read()
    blocks = []
    for raw in re.split(r"^=== ", text, flags=re.M)[1:]:
        first, rest = raw.split("\n", 1)
        head, sep, body = rest.partition("\n---\n")
        if not sep or "\n~~~ html" in head:
            raise SystemExit(f"missing --- in {path} {first}")
        spec = {"_id": first.strip(), "_src": os.path.basename(path), "h": []}
        for line in head.split("\n"):
            if not line.strip():
                continue
            k, _, v = line.partition(":")
            k = k.strip(); v = v.strip()
            if k == "h":
                spec["h"].append(v)
            else:
                spec[k] = v
        html_part = None
        body = "\n" + body
        if "\n~~~ html\n" in body:
            body, html_part = body.split("\n~~~ html\n", 1)
        spec["body"] = body.strip("\n")
        spec["html"] = html_part.strip("\n") if html_part else None
        blocks.append(spec)
    return blocks


ASKS = {b["_id"]: b for b in parse_blocks(os.path.join(HERE, "asks.txt"))}

MON_EN = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
DAY_EN = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MON_DE = ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"]
DAY_DE = ["Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"]
DAY_DE_S = ["Mo.", "Di.", "Mi.", "Do.", "Fr.", "Sa.", "So."]
MON_ES = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"]
DAY_ES = ["lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"]
DAY_ES_S = ["lun", "mar", "mié", "jue", "vie", "sáb", "dom"]
MON_FR = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"]
MON_FR_S = ["janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."]
DAY_FR = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]
DAY_FR_S = ["lun.", "mar.", "mer.", "jeu.", "ven.", "sam.", "dim."]
MON_PT = ["janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto", "setembro", "outubro", "novembro", "dezembro"]
MON_PT_S = ["jan.", "fev.", "mar.", "abr.", "mai.", "jun.", "jul.", "ago.", "set.", "out.", "nov.", "dez."]
DAY_PT = ["segunda-feira", "terça-feira", "quarta-feira", "quinta-feira", "sexta-feira", "sábado", "domingo"]
DAY_PT_S = ["seg.", "ter.", "qua.", "qui.", "sex.", "sáb.", "dom."]
MON_PL_S = ["sty", "lut", "mar", "kwi", "maj", "cze", "lip", "sie", "wrz", "paź", "lis", "gru"]
DAY_PL_S = ["pon.", "wt.", "śr.", "czw.", "pt.", "sob.", "niedz."]
MON_RO_S = ["ian.", "feb.", "mar.", "apr.", "mai", "iun.", "iul.", "aug.", "sept.", "oct.", "nov.", "dec."]
DAY_RO_S = ["lun.", "mar.", "mie.", "joi", "vin.", "sâm.", "dum."]
MON_RU_S = ["янв.", "февр.", "мар.", "апр.", "мая", "июн.", "июл.", "авг.", "сент.", "окт.", "нояб.", "дек."]
DAY_RU_S = ["пн", "вт", "ср", "чт", "пт", "сб", "вс"]
MON_UK_S = ["січ.", "лют.", "бер.", "квіт.", "трав.", "черв.", "лип.", "серп.", "вер.", "жовт.", "лист.", "груд."]
DAY_UK_S = ["пн", "вт", "ср", "чт", "пт", "сб", "нд"]


def parse_date(s):
    # "2025-07-08 14:22 -0400"
    d, t, z = s.split()
    sign = 1 if z[0] == "+" else -1
    off = datetime.timedelta(hours=int(z[1:3]), minutes=int(z[3:5])) * sign
    tz = datetime.timezone(off)
    y, m, dd = map(int, d.split("-"))
    hh, mm = map(int, t.split(":"))
    sec = int(hashlib.md5(s.encode()).hexdigest(), 16) % 60
    return datetime.datetime(y, m, dd, hh, mm, sec, tzinfo=tz)


def rfc_date(dt):
    return dt.strftime("%a, %d %b %Y %H:%M:%S %z")


def h12(dt):
    h = dt.hour % 12 or 12
    return f"{h}:{dt.minute:02d} {'AM' if dt.hour < 12 else 'PM'}"


def hdr_line(style, lang, dt, wname, waddr):
    """Attribution line for '> ' quoting styles."""
    A = f"{APP_NAME} <{APP_ADDR}>"
    wd, d, m, y = dt.weekday(), dt.day, dt.month - 1, dt.year
    hm = f"{dt.hour:02d}:{dt.minute:02d}"
    if style == "gmail":
        if lang == "en":
            return f"On {dt.strftime('%a')}, {MON_EN[m][:3]} {d}, {y} at {h12(dt)} {A} wrote:"
        if lang == "en-gb":
            return f"On {dt.strftime('%a')}, {d} {MON_EN[m][:3]} {y} at {hm}, {A} wrote:"
        if lang == "de":
            return f"Am {DAY_DE_S[wd]}, {d}. {MON_DE[m]} {y} um {hm} Uhr schrieb {A}:"
        if lang == "es":
            return f"El {DAY_ES_S[wd]}, {d} {MON_ES[m][:3]} {y} a las {dt.hour}:{dt.minute:02d}, {APP_NAME} (<{APP_ADDR}>) escribió:"
        if lang == "fr":
            return f"Le {DAY_FR_S[wd]} {d} {MON_FR_S[m]} {y} à {hm}, {A} a écrit :"
        if lang == "pt":
            return f"Em {DAY_PT_S[wd]}, {d} de {MON_PT_S[m]} de {y} às {hm}, {A} escreveu:"
        if lang == "pl":
            return f"{DAY_PL_S[wd]} {d} {MON_PL_S[m]} {y} o {hm} {A} napisał(a):"
        if lang == "ro":
            return f"În {DAY_RO_S[wd]}, {d} {MON_RO_S[m]} {y} la {hm}, {A} a scris:"
        if lang == "ru":
            return f"{DAY_RU_S[wd]}, {d} {MON_RU_S[m]} {y} г. в {hm}, {A}:"
        if lang == "uk":
            return f"{DAY_UK_S[wd]}, {d} {MON_UK_S[m]} {y} р. о {hm} {A} пише:"
    if style == "apple":
        if lang == "en-gb":
            return f"On {d} {MON_EN[m][:3]} {y}, at {hm}, {A} wrote:"
        if lang == "fr":
            return f"Le {d} {MON_FR[m]} {y} à {hm}, {A} a écrit :"
        return f"On {MON_EN[m][:3]} {d}, {y}, at {h12(dt)}, {A} wrote:"
    if style == "tb":
        if lang == "pl":
            return f"W dniu {d:02d}.{m+1:02d}.{y} o {hm}, {APP_NAME} pisze:"
        if lang == "ru":
            return f"{d:02d}.{m+1:02d}.{y} {dt.hour}:{dt.minute:02d}, {APP_NAME} пишет:"
        if lang == "ro":
            return f"Pe {d:02d}.{m+1:02d}.{y} {hm}, {APP_NAME} a scris:"
        if lang == "de":
            return f"Am {d:02d}.{m+1:02d}.{y} um {hm} schrieb {APP_NAME}:"
        if lang == "fr":
            return f"Le {d:02d}/{m+1:02d}/{y} à {hm}, {APP_NAME} a écrit :"
        if lang == "en-gb":
            return f"On {d:02d}/{m+1:02d}/{y} {hm}, {APP_NAME} wrote:"
        return f"On {m+1}/{d}/{y} {h12(dt)}, {APP_NAME} wrote:"
    if style == "plainon":  # generic webmail
        return f"On {rfc_date(dt)}, {APP_NAME} <{APP_ADDR}> wrote:"
    raise ValueError(f"no hdr_line for {style}/{lang}")


def block_header(style, lang, dt, wname, waddr, subj):
    """Header block lines for outlook / original / forwarded styles."""
    A = f"{APP_NAME} <{APP_ADDR}>"
    W = QTO[0] or f"{wname} <{waddr}>"
    wd, d, m, y = dt.weekday(), dt.day, dt.month - 1, dt.year
    hm = f"{dt.hour:02d}:{dt.minute:02d}"
    if style in ("outlook", "origmsg"):
        if lang == "en":
            L = [("From", A), ("Sent", f"{DAY_EN[wd]}, {MON_EN[m]} {d}, {y} {h12(dt)}"), ("To", W), ("Subject", subj)]
        elif lang == "en-gb":
            L = [("From", A), ("Sent", f"{d:02d} {MON_EN[m]} {y} {hm}"), ("To", W), ("Subject", subj)]
        elif lang == "de":
            L = [("Von", A), ("Gesendet", f"{DAY_DE[wd]}, {d}. {MON_DE[m]} {y} {hm}"), ("An", W), ("Betreff", subj)]
        elif lang == "es":
            L = [("De", A), ("Enviado", f"{DAY_ES[wd]}, {d} de {MON_ES[m]} de {y} {dt.hour}:{dt.minute:02d}"), ("Para", W), ("Asunto", subj)]
        elif lang == "fr":
            L = [("De ", A), ("Envoyé ", f"{DAY_FR[wd]} {d} {MON_FR[m]} {y} {hm}"), ("À ", W), ("Objet ", subj)]
        elif lang == "pt":
            L = [("De", A), ("Enviado", f"{DAY_PT[wd]}, {d} de {MON_PT[m]} de {y} {hm}"), ("Para", W), ("Assunto", subj)]
        elif lang == "pl":
            L = [("Od", A), ("Wysłano", f"{d} {['stycznia','lutego','marca','kwietnia','maja','czerwca','lipca','sierpnia','września','października','listopada','grudnia'][m]} {y} {hm}"), ("Do", W), ("Temat", subj)]
        else:
            raise ValueError(lang)
        lines = [f"{k}: {v}" for k, v in L]
        if style == "origmsg":
            lines = ["-----Original Message-----"] + lines
        return lines
    if style == "tborig":
        return ["-------- Original Message --------", f"Subject: {subj}", f"Date: {rfc_date(dt)}", f"From: {A}", f"To: {W}"]
    if style == "fwd":
        return ["---------- Forwarded message ---------", f"From: {A}", f"Date: {dt.strftime('%a')}, {MON_EN[m][:3]} {d}, {y} at {h12(dt)}", f"Subject: {subj}", f"To: {W}"]
    if style == "fwdout":
        return ["________________________________", f"From: {A}", f"Sent: {DAY_EN[wd]}, {MON_EN[m]} {d}, {y} {h12(dt)}", f"To: {W}", f"Subject: {subj}"]
    raise ValueError(style)


PREFIX_STYLES = {"gmail", "apple", "tb", "plainon"}
BLOCK_STYLES = {"outlook", "origmsg", "tborig", "fwd", "fwdout"}


def wrap_text(text, width):
    out = []
    for line in text.split("\n"):
        if len(line) <= width or line.startswith(">"):
            out.append(line)
        else:
            out.extend(textwrap.wrap(line, width, break_long_words=False, break_on_hyphens=False) or [""])
    return "\n".join(out)


def quote_plain(spec, ask, adt, wname, waddr):
    style = spec.get("quote", "none")
    lang = spec.get("lang", "en")
    subj = ask["subject"]
    abody = ask["body"].replace("{sal}", spec["sal"])
    abody = wrap_text(abody, 74)
    if style in PREFIX_STYLES:
        q = "\n".join(("> " + l) if l else ">" for l in abody.split("\n"))
        return hdr_line(style, lang, adt, wname, waddr) + "\n" + q
    if style in BLOCK_STYLES:
        return "\n".join(block_header(style, lang, adt, wname, waddr, subj)) + "\n\n" + abody
    raise ValueError(style)


def esc(s):
    return html.escape(s, quote=False)


def paras_html(text, ptag="div", pclass=None):
    """Turn plain text into HTML paragraphs; '>' runs become blockquotes."""
    out = []
    cls = f' class="{pclass}"' if pclass else ""
    chunks = re.split(r"\n\s*\n", text)
    for ch in chunks:
        lines = ch.split("\n")
        buf = []; qbuf = []
        def flush():
            if buf:
                out.append(f"<{ptag}{cls}>" + "<br>\n".join(esc(l) for l in buf) + f"</{ptag}>")
                buf.clear()
        def qflush():
            if qbuf:
                out.append('<blockquote style="margin:0 0 0 .8ex;border-left:1px solid #ccc;padding-left:1ex">' + "<br>\n".join(esc(l[1:].lstrip()) for l in qbuf) + "</blockquote>")
                qbuf.clear()
        for l in lines:
            if l.startswith(">"):
                flush(); qbuf.append(l)
            else:
                qflush(); buf.append(l)
        flush(); qflush()
        if ptag == "div":
            out.append("<div><br></div>")
        else:
            out.append(f"<{ptag}{cls}><o:p>&nbsp;</o:p></{ptag}>")
    return "\n".join(out)


def html_quote(spec, ask, adt, wname, waddr, kind):
    style = spec.get("quote", "none")
    lang = spec.get("lang", "en")
    abody = ask["body"].replace("{sal}", spec["sal"])
    if style in PREFIX_STYLES:
        attr = esc(hdr_line(style, lang, adt, wname, waddr))
        inner = paras_html(abody)
        return (f'<div class="gmail_quote"><div dir="ltr" class="gmail_attr">{attr}<br></div>\n'
                f'<blockquote class="gmail_quote" style="margin:0px 0px 0px 0.8ex;border-left:1px solid rgb(204,204,204);padding-left:1ex">\n{inner}\n</blockquote></div>')
    if style in BLOCK_STYLES:
        lines = block_header(style, lang, adt, wname, waddr, ask["subject"])
        if kind == "word":
            hl = []
            for l in lines:
                if ":" in l and not l.startswith("---"):
                    k, v = l.split(":", 1)
                    hl.append(f"<b>{esc(k)}:</b>{esc(v)}")
                else:
                    hl.append(esc(l))
            hb = "<br>\n".join(hl)
            inner = paras_html(abody, "p", "MsoNormal")
            return (f"<div style='border:none;border-top:solid #E1E1E1 1.0pt;padding:3.0pt 0in 0in 0in'>\n"
                    f"<p class=MsoNormal>{hb}<o:p></o:p></p>\n</div>\n<p class=MsoNormal><o:p>&nbsp;</o:p></p>\n{inner}")
        if kind == "owa":
            hl = []
            for l in lines:
                if ":" in l and not l.startswith("---"):
                    k, v = l.split(":", 1)
                    hl.append(f"<b>{esc(k)}:</b>{esc(v)}")
            hb = "<br>\n".join(hl)
            inner = paras_html(abody)
            return ('<hr style="display:inline-block;width:98%" tabindex="-1">\n'
                    f'<div id="divRplyFwdMsg" dir="ltr"><font face="Calibri, sans-serif" style="font-size:11pt" color="#000000">{hb}</font>\n<div>&nbsp;</div>\n</div>\n'
                    f'<div>\n{inner}\n</div>')
        hb = "<br>\n".join(esc(l) for l in lines)
        inner = paras_html(abody)
        return f'<div>{hb}</div>\n<div><br></div>\n<blockquote type="cite">\n{inner}\n</blockquote>'
    return ""


def make_html(spec, newtext, quote_html, kind):
    bottom = spec.get("bottom") == "yes"
    if kind == "word":
        body_h = paras_html(newtext, "p", "MsoNormal")
        parts = [quote_html, body_h] if bottom else [body_h, quote_html]
        return ('<html xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" '
                'xmlns:w="urn:schemas-microsoft-com:office:word" xmlns:m="http://schemas.microsoft.com/office/2004/12/omml" '
                'xmlns="http://www.w3.org/TR/REC-html40">\n<head>\n<meta http-equiv="Content-Type" content="text/html; charset=CHARSET">\n'
                '<meta name="Generator" content="Microsoft Word 15 (filtered medium)">\n<style><!--\n'
                '/* Font Definitions */\n@font-face\n\t{font-family:"Cambria Math";}\n@font-face\n\t{font-family:Calibri;}\n'
                'p.MsoNormal, li.MsoNormal, div.MsoNormal\n\t{margin:0in;\n\tfont-size:11.0pt;\n\tfont-family:"Calibri",sans-serif;}\n'
                'span.EmailStyle17\n\t{mso-style-type:personal-compose;}\n.MsoChpDefault\n\t{mso-style-type:export-only;}\n'
                '@page WordSection1\n\t{size:8.5in 11.0in;\n\tmargin:1.0in 1.0in 1.0in 1.0in;}\ndiv.WordSection1\n\t{page:WordSection1;}\n'
                '--></style>\n</head>\n<body lang="EN-US" link="#0563C1" vlink="#954F72" style="word-wrap:break-word">\n'
                '<div class="WordSection1">\n' + "\n".join(p for p in parts if p) + '\n</div>\n</body>\n</html>')
    if kind == "owa":
        body_h = paras_html(newtext)
        inner = ('<div id="divtagdefaultwrapper" style="font-size:12pt;color:#000000;font-family:Calibri,Helvetica,sans-serif;" dir="ltr">\n'
                 + body_h + "\n</div>")
        parts = [quote_html, inner] if bottom else [inner, quote_html]
        return ('<html>\n<head>\n<meta http-equiv="Content-Type" content="text/html; charset=CHARSET">\n'
                '<style type="text/css" style="display:none;"> P {margin-top:0;margin-bottom:0;} </style>\n</head>\n'
                '<body dir="ltr">\n' + "\n".join(p for p in parts if p) + "\n</body>\n</html>")
    # gmail / generic
    body_h = paras_html(newtext)
    parts = [quote_html, body_h] if bottom else [body_h, quote_html]
    if kind == "apple":
        return ('<html><head><meta http-equiv="content-type" content="text/html; charset=CHARSET"></head>'
                '<body style="word-wrap: break-word; -webkit-nbsp-mode: space; line-break: after-white-space;">\n'
                + "\n".join(p for p in parts if p) + "\n</body></html>")
    return '<div dir="ltr">\n' + "\n".join(p for p in parts if p) + "\n</div>"


def encode_part(text, cs, cte):
    text = text.replace("\r\n", "\n")
    data = text.encode(cs)  # raises if not representable
    if cte in ("7bit", "8bit"):
        if cte == "7bit":
            data.decode("ascii")
        for l in data.split(b"\n"):
            assert len(l) < 990, ("line too long", l[:60])
        return data.replace(b"\n", b"\r\n"), cte
    if cte == "qp":
        enc = quopri.encodestring(data)
        return enc.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n"), "quoted-printable"
    if cte == "b64":
        enc = base64.encodebytes(data)
        return enc.replace(b"\n", b"\r\n"), "base64"
    raise ValueError(cte)


def ct_line(mtype, cs, style):
    if style == "ms":
        return f'Content-Type: {mtype}; charset="{cs}"'
    if style == "upper":
        return f"Content-Type: {mtype}; charset={cs.upper()}"
    if style == "flowed":
        return f'Content-Type: {mtype}; charset={cs}; format=flowed'
    return f"Content-Type: {mtype}; charset={cs}"


def leaf(mtype, text, cs, cte, ctstyle):
    data, cten = encode_part(text, cs, cte)
    hdr = ct_line(mtype, cs, ctstyle) + "\r\n" + f"Content-Transfer-Encoding: {cten}\r\n"
    return hdr.encode("ascii"), data


def attachment_bytes(fname, n):
    if fname.endswith(".pdf"):
        return (b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
                b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n")
    if fname.endswith(".ics"):
        return None
    if fname.endswith(".png"):
        return base64.b64decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==")
    if fname.endswith(".docx"):
        return b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + hashlib.sha256(fname.encode()).digest() * 4
    return ("Attachment " + fname + "\n").encode()


def boundary(kind, seed):
    h = hashlib.sha1(seed.encode()).hexdigest()
    if kind == "ms":
        return f"_000_{h[:20].upper()}namprd{h[20:22]}prod_"
    if kind == "nextpart":
        return f"----=_NextPart_000_{h[:4].upper()}_{h[4:12].upper()}.{h[12:20].upper()}"
    if kind == "apple":
        return f"Apple-Mail={h[:8].upper()}-{h[8:12].upper()}-{h[12:16].upper()}-{h[16:20].upper()}-{h[20:32].upper()}"
    return f"0000000000{h[:16]}"


QTO = [None]


def build(spec, idx):
    kind_lbl = spec["kind"]
    QTO[0] = spec.get("qto")
    wname, waddr = re.match(r"\s*(.*?)\s*<([^>]+)>", spec["from"]).groups()
    wname = wname.strip('"')
    wdomain = waddr.split("@")[1]
    rdt = parse_date(spec["date"])
    gap = float(spec.get("gap", 2 + (int(hashlib.md5(spec["from"].encode()).hexdigest(), 16) % 9)))
    hh = int(hashlib.md5((spec["_id"] + "h").encode()).hexdigest(), 16)
    adt = (rdt - datetime.timedelta(days=gap)).replace(hour=8 + hh % 14, minute=hh % 60)
    if adt >= rdt:
        adt = rdt - datetime.timedelta(hours=5)
    if "sal" not in spec:
        spec["sal"] = "Dr. " + wname.replace(",", " ").split()[-1] if not wname.endswith("MD") else "Dr. " + wname.split(",")[0].split()[-1]
    askkey = spec.get("ask", "obs")
    ask = ASKS.get(askkey) if askkey != "none" else None
    qstyle = spec.get("quote", "none")
    mime = spec.get("mime", "plain")
    cs = spec.get("cs", "utf-8")
    cte = spec.get("cte", "qp")
    hcs = spec.get("hcs", cs)
    hcte = spec.get("hcte", "qp" if cte in ("7bit",) else cte)
    ctstyle = spec.get("ct", "plain")
    width = int(spec.get("wrap", "76")) if spec.get("wrap", "76") != "no" else None

    newtext = spec["body"]
    text_new = wrap_text(newtext, width) if width else newtext
    bottom = spec.get("bottom") == "yes"
    qp_text = ""
    if ask and qstyle != "none":
        qp_text = quote_plain(spec, ask, adt, wname, waddr)
    if qp_text:
        full_text = (qp_text + "\n\n" + text_new) if bottom else (text_new + "\n\n" + qp_text)
    else:
        full_text = text_new
    full_text += "\n"

    hkind = {"html_word": "word", "html_owa": "owa", "alt_word": "word", "alt_owa": "owa",
             "alt_apple": "apple", "html_gmail": "gmail", "alt": "gmail", "mixed_alt": "gmail",
             "mixed_word": "word"}.get(mime, "gmail")
    html_text = None
    if mime.startswith("html") or mime.startswith("alt") or mime in ("mixed_alt", "mixed_word"):
        if spec["html"]:
            html_text = spec["html"]
        else:
            qh = html_quote(spec, ask, adt, wname, waddr, hkind) if (ask and qstyle != "none") else ""
            html_text = make_html(spec, newtext, qh, hkind)
        html_text = html_text.replace("CHARSET", hcs)
        if hcte in ("7bit", "8bit"):
            # keep lines short for 7/8bit html
            html_text = "\n".join(textwrap.wrap(l, 900, break_long_words=False) if len(l) > 900 else [l] for l in html_text.split("\n")) if False else html_text

    # headers
    H = []
    for r in spec.get("received", "").split("|") if spec.get("received") else []:
        H.append(r.strip())
    if spec.get("rpath", "yes") != "no":
        H.insert(0, f"Return-Path: <{spec.get('rpath_addr', waddr)}>")
    H.append("Delivered-To: " + APP_ADDR) if spec.get("delivered") == "yes" else None
    if any(ord(c) > 127 for c in wname):
        fromh = formataddr((wname, waddr), charset="utf-8")
    else:
        fromh = formataddr((wname, waddr))
    to = spec.get("to", f"{APP_NAME} <{APP_ADDR}>")
    if ask:
        subj = spec.get("subject") or (spec.get("prefix", "Re:") + " " + ask["subject"])
    else:
        subj = spec["subject"]
    subjh = subj if all(ord(c) < 128 for c in subj) else Header(subj, "utf-8").encode()
    mid_h = hashlib.sha1((spec["_src"] + spec["_id"]).encode()).hexdigest()
    app_mid = f"<CAH{hashlib.sha1(('ask' + spec['from']).encode()).hexdigest()[:28]}@mail.inbox.test>"
    midstyle = spec.get("midstyle", "plain")
    if midstyle == "outlook":
        mid = f"<{mid_h[:4].upper()}PR{mid_h[4:6]}MB{mid_h[6:10]}{mid_h[10:30].upper()}@{mid_h[:4].upper()}PR{mid_h[4:6]}MB{mid_h[6:10]}.mail.{wdomain}>"
    elif midstyle == "apple":
        mid = f"<{mid_h[:8].upper()}-{mid_h[8:12].upper()}-{mid_h[12:16].upper()}-{mid_h[16:20].upper()}-{mid_h[20:32].upper()}@{wdomain}>"
    else:
        mid = f"<{mid_h[:24]}@{spec.get('mid_domain', wdomain)}>"
    H += [f"From: {fromh}", f"To: {to}"]
    if spec.get("cc"):
        H.append(f"Cc: {spec['cc']}")
    H += [f"Subject: {subjh}", f"Date: {rfc_date(rdt)}", f"Message-ID: {mid}"]
    if spec.get("reply", "yes" if ask else "no") == "yes":
        refs = app_mid
        if spec.get("refs_extra"):
            refs = spec["refs_extra"] + " " + app_mid
        H += [f"In-Reply-To: {app_mid}", f"References: {refs}"]
    for x in spec["h"]:
        H.append(x)
    if spec.get("agent"):
        key = "X-Mailer" if spec.get("agent_hdr", "ua") == "xm" else "User-Agent"
        H.append(f"{key}: {spec['agent']}")
    H.append("MIME-Version: 1.0")

    head = re.sub(r"\r?\n", "\r\n", "\n".join(H)).encode("utf-8")
    bkind = spec.get("boundary", "ms" if hkind in ("word", "owa") else ("apple" if hkind == "apple" else "g"))
    seed = spec["_src"] + spec["_id"]

    def multipart(sub, parts, b):
        out = f'Content-Type: multipart/{sub}; boundary="{b}"\r\n'.encode()
        body = b""
        if spec.get("preamble") == "yes":
            body += b"This is a multi-part message in MIME format.\r\n\r\n"
        for ph, pd in parts:
            body += f"--{b}\r\n".encode() + ph + b"\r\n" + pd
            if not pd.endswith(b"\r\n"):
                body += b"\r\n"
        body += f"--{b}--\r\n".encode()
        return out, body

    if mime == "plain":
        ph, pd = leaf("text/plain", full_text, cs, cte, ctstyle)
        top_h, top_b = ph, pd
    elif mime.startswith("html"):
        ph, pd = leaf("text/html", html_text, hcs, hcte, ctstyle)
        top_h, top_b = ph, pd
    elif mime.startswith("alt"):
        p1 = leaf("text/plain", full_text, cs, cte, ctstyle)
        p2 = leaf("text/html", html_text, hcs, hcte, ctstyle)
        top_h, top_b = multipart("alternative", [p1, p2], boundary(bkind, seed))
    elif mime.startswith("mixed"):
        fname, ftype = spec["attach"].split("|")
        if mime == "mixed_plain":
            inner = leaf("text/plain", full_text, cs, cte, ctstyle)
        else:
            p1 = leaf("text/plain", full_text, cs, cte, ctstyle)
            p2 = leaf("text/html", html_text, hcs, hcte, ctstyle)
            ih, ib = multipart("alternative", [p1, p2], boundary(bkind, seed + "alt"))
            inner = (ih, ib)
        if fname.endswith(".ics"):
            adata = spec["ics"].replace("\\n", "\n")
            araw = adata.replace("\n", "\r\n").encode()
            ah = f'Content-Type: text/calendar; charset=utf-8; method=REQUEST; name="{fname}"\r\nContent-Disposition: attachment; filename="{fname}"\r\nContent-Transfer-Encoding: base64\r\n'.encode()
            ad = base64.encodebytes(araw).replace(b"\n", b"\r\n")
        else:
            raw = attachment_bytes(fname, idx)
            ah = f'Content-Type: {ftype}; name="{fname}"\r\nContent-Disposition: attachment; filename="{fname}"\r\nContent-Transfer-Encoding: base64\r\n'.encode()
            ad = base64.encodebytes(raw).replace(b"\n", b"\r\n")
        top_h, top_b = multipart("mixed", [inner, (ah, ad)], boundary(bkind, seed + "mix"))
    else:
        raise ValueError(mime)
    msg = head + b"\r\n" + top_h + b"\r\n" + top_b
    return msg


def main():
    specs = []
    for f in sorted(glob.glob(os.path.join(HERE, "chunk*.txt"))):
        specs.extend(parse_blocks(f))
    rnd = random.Random(20250731)
    order = list(range(len(specs)))
    rnd.shuffle(order)
    for old in glob.glob(os.path.join(OUT, "*.eml")):
        os.remove(old)
    rows = ["file\tkind\tnote"]
    for n, i in enumerate(order, 1):
        s = specs[i]
        try:
            data = build(s, n)
        except Exception as e:
            print("ERROR in", s["_src"], s["_id"], repr(e)); raise
        fn = f"{n:03d}.eml"
        open(os.path.join(OUT, fn), "wb").write(data)
        assert "\t" not in s["note"] and "\n" not in s["note"]
        rows.append(f"{fn}\t{s['kind']}\t{s['note']}")
    open(os.path.join(OUT, "labels.tsv"), "w", encoding="utf-8", newline="\n").write("\n".join(rows) + "\n")
    open(os.path.join(HERE, "map.tsv"), "w").write("\n".join(f"{n:03d}\t{specs[i]['_src']}\t{specs[i]['_id']}" for n, i in enumerate(order, 1)) + "\n")
    print(len(specs), "messages")


if __name__ == "__main__":
    main()
