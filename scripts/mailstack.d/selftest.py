#!/usr/bin/env python3
"""End-to-end check of scripts/mailstack (stdlib only).

    python3 scripts/mailstack.d/selftest.py [DIR]

Starts a stack in DIR (default: a new temporary folder), exercises it the way
lorkeeper's integration tests will, prints measurements, stops it again and
exits non-zero on the first failure. Ports come from the LK_*_PORT variables
like for `mailstack start`.
"""
import email.utils
import imaplib
import os
import re
import select
import smtplib
import socket
import ssl
import statistics
import subprocess
import sys
import tempfile
import time
import uuid

HERE = os.path.dirname(os.path.abspath(__file__))
MAILSTACK = os.path.join(os.path.dirname(HERE), "mailstack")
PASSED = []


def run(*args, check=True):
    t0 = time.monotonic()
    p = subprocess.run([MAILSTACK, *args], capture_output=True, text=True)
    dt = time.monotonic() - t0
    if check and p.returncode != 0:
        sys.exit(f"FAIL: mailstack {' '.join(args)} exited {p.returncode}\n{p.stderr}")
    return p, dt


def ok(what):
    PASSED.append(what)
    print(f"ok   {what}", flush=True)


def fail(what):
    sys.exit(f"FAIL: {what}")


def load_env(d):
    env = {}
    with open(os.path.join(d, "env")) as f:
        for line in f:
            m = re.match(r"export (\w+)='?([^']*)'?$", line.strip())
            if m:
                env[m.group(1)] = m.group(2)
    return env


class Stack:
    def __init__(self, env):
        self.env = env
        self.host = "127.0.0.1"
        self.pw = env["LK_PASSWORD"]
        self.ctx = ssl.create_default_context(cafile=env["LK_CA_FILE"])
        self.imap_port = int(env["LK_IMAP_PORT"])
        self.imaps_port = int(env["LK_IMAPS_PORT"])
        self.smtp_port = int(env["LK_SMTP_PORT"])
        self.sub_port = int(env["LK_SUBMISSION_PORT"])
        self.smtps_port = int(env["LK_SMTPS_PORT"])

    def imap(self, user, tls="starttls"):
        if tls == "implicit":
            c = imaplib.IMAP4_SSL(self.host, self.imaps_port, ssl_context=self.ctx)
        else:
            c = imaplib.IMAP4(self.host, self.imap_port)
            if tls == "starttls":
                c.starttls(ssl_context=self.ctx)
        c.login(user, self.pw)
        return c

    def submit(self, frm, to, subject, body="hello\r\n", port="submission", auth=True, user=None):
        msg = (
            f"From: <{frm}>\r\nTo: <{to}>\r\nSubject: {subject}\r\n"
            f"Date: {email.utils.formatdate()}\r\nMessage-ID: <{uuid.uuid4()}@selftest>\r\n\r\n{body}"
        )
        if port == "smtps":
            s = smtplib.SMTP_SSL(self.host, self.smtps_port, context=self.ctx, timeout=10)
        else:
            s = smtplib.SMTP(self.host, self.sub_port if port == "submission" else self.smtp_port, timeout=10)
            if port == "submission":
                s.starttls(context=self.ctx)
        if auth:
            s.login(user or frm, self.pw)
        s.sendmail(frm, [to], msg)
        s.quit()


def wait_for_subject(c, subject, timeout=10.0, mailbox="INBOX"):
    """Polls with SEARCH until subject is visible; returns seconds waited."""
    t0 = time.monotonic()
    c.select(mailbox)
    while True:
        typ, data = c.search(None, "SUBJECT", f'"{subject}"')
        if typ == "OK" and data[0].split():
            return time.monotonic() - t0
        if time.monotonic() - t0 > timeout:
            return None
        time.sleep(0.002)
        c.noop()


def main():
    d = sys.argv[1] if len(sys.argv) > 1 else tempfile.mkdtemp(prefix="lkms-")
    print(f"stack dir: {d}")

    # ---- cold start (packages installed) and idempotent start
    p, dt = run("start", d)
    if "export LK_IMAP_PORT=" not in p.stdout:
        fail("start printed no env lines")
    ok(f"start (fresh DIR) in {dt:.2f} s")
    p, dt2 = run("start", d)
    ok(f"start on a running DIR is a no-op success ({dt2:.2f} s)")
    env = load_env(d)
    for k in ("LK_STACK_DIR", "LK_IMAP_PORT", "LK_IMAPS_PORT", "LK_SMTP_PORT",
              "LK_SUBMISSION_PORT", "LK_SMTPS_PORT", "LK_CA_FILE", "LK_PASSWORD"):
        if k not in env:
            fail(f"{k} missing from DIR/env")
    ok("DIR/env has every LK_* variable")
    st = Stack(env)
    p, _ = run("status", d)
    if "dovecot: running" not in p.stdout or "postfix: running" not in p.stdout:
        fail(f"status: {p.stdout}")
    ok("status says running")

    # ---- submission STARTTLS + SASL -> IMAP read back as the writer
    subj = f"hello-{uuid.uuid4().hex[:8]}"
    st.submit("applicant@inbox.test", "jsmith@hospital.test", subj)
    c = st.imap("jsmith@hospital.test", tls="starttls")
    if wait_for_subject(c, subj) is None:
        fail("message to jsmith@hospital.test not in INBOX")
    typ, caps = c.capability()
    caps = caps[0].decode().split()
    if "IDLE" not in caps:
        fail(f"IDLE not advertised: {caps}")
    ok("submission (STARTTLS, CA-verified, AUTH PLAIN) -> jsmith@hospital.test INBOX over IMAP+STARTTLS")
    ok(f"IDLE advertised; SPECIAL-USE advertised: {'SPECIAL-USE' in caps}")

    # ---- SPECIAL-USE via LIST and auto-subscription
    typ, lst = c.list()
    flags = {}
    for line in lst:
        m = re.match(rb'\(([^)]*)\) "(.)" "?([^"]*)"?', line)
        flags[m.group(3).decode()] = m.group(1).decode()
    want = {"Sent": "\\Sent", "Drafts": "\\Drafts", "Trash": "\\Trash", "Junk": "\\Junk"}
    for box, flag in want.items():
        if flag not in flags.get(box, ""):
            fail(f"LIST: {box} lacks {flag}: {lst}")
    typ, lsub = c.lsub()
    subs = b" ".join(lsub).decode()
    for box in want:
        if box not in subs:
            fail(f"{box} not subscribed: {lsub}")
    ok(f"LIST flags: { {k: flags[k] for k in want} }; all four auto-subscribed")
    c.logout()

    # ---- IMAPS + APPEND to applicant's Sent
    c = st.imap("applicant@inbox.test", tls="implicit")
    subj = f"sent-{uuid.uuid4().hex[:8]}"
    raw = f"From: <applicant@inbox.test>\r\nTo: <dr@hospital.test>\r\nSubject: {subj}\r\n\r\nletter\r\n".encode()
    typ, data = c.append("Sent", r"(\Seen)", imaplib.Time2Internaldate(time.time()), raw)
    if typ != "OK":
        fail(f"APPEND to Sent: {typ} {data}")
    if wait_for_subject(c, subj, mailbox="Sent") is None:
        fail("appended message not found in Sent")
    ok(f"IMAPS (implicit TLS, CA-verified) login; APPEND to applicant@inbox.test Sent: {data[0].decode()}")

    # ---- other login paths
    c2 = st.imap("applicant2@inbox.test", tls="none")
    c2.logout()
    c3 = st.imap("writer.x@university.test", tls="none")
    c3.logout()
    c4 = st.imap("bench250@inbox.test", tls="none")
    c4.logout()
    ok("plaintext IMAP LOGIN on loopback; open-domain writer login; bench250 login")

    # ---- wrong password / unknown users refused, quickly
    for user, pw in (("applicant@inbox.test", "wrong"), ("jsmith@hospital.test", "wrong"),
                     ("someone@gmail.com", "secret"), ("nobody@inbox.test", "secret")):
        t0 = time.monotonic()
        c = imaplib.IMAP4(st.host, st.imap_port)
        try:
            c.login(user, pw)
            fail(f"IMAP login {user}/{pw} was accepted")
        except imaplib.IMAP4.error:
            pass
        dt = time.monotonic() - t0
        c.shutdown()
        if dt > 1.5:
            fail(f"refusing {user} took {dt:.2f} s")
    t0 = time.monotonic()
    s = smtplib.SMTP(st.host, st.sub_port, timeout=10)
    s.starttls(context=st.ctx)
    try:
        s.login("applicant@inbox.test", "wrong")
        fail("SMTP AUTH with a wrong password accepted")
    except smtplib.SMTPAuthenticationError as e:
        code = e.smtp_code
    s.quit()
    ok(f"wrong password refused (IMAP NO; SMTP {code}) each well under 1.5 s (SMTP {time.monotonic() - t0:.2f} s)")

    # ---- submission without AUTH is refused; SMTPS + AUTH LOGIN works; port 25-style needs no auth
    s = smtplib.SMTP(st.host, st.sub_port, timeout=10)
    s.starttls(context=st.ctx)
    try:
        s.sendmail("x@portal.test", ["applicant@inbox.test"], "Subject: x\r\n\r\nx\r\n")
        fail("unauthenticated submission accepted")
    except smtplib.SMTPRecipientsRefused as e:
        code = list(e.recipients.values())[0][0]
    s.quit()
    s = smtplib.SMTP_SSL(st.host, st.smtps_port, context=st.ctx, timeout=10)
    s.ehlo()
    if "LOGIN" not in s.esmtp_features.get("auth", ""):
        fail(f"SMTPS AUTH mechanisms: {s.esmtp_features.get('auth')}")
    s.user, s.password = "applicant@inbox.test", st.pw
    s.auth("LOGIN", s.auth_login)
    subj_smtps = f"smtps-{uuid.uuid4().hex[:8]}"
    s.sendmail("applicant@inbox.test", ["dr.who@clinic.test"],
               f"Subject: {subj_smtps}\r\n\r\nvia smtps\r\n")
    s.quit()
    s = smtplib.SMTP(st.host, st.sub_port, timeout=10)  # AUTH on plaintext from loopback
    s.login("applicant3@inbox.test", st.pw)
    s.quit()
    subj_port25 = f"portal-{uuid.uuid4().hex[:8]}"
    st.submit("noreply@portal.test", "applicant@inbox.test", subj_port25, port="smtp", auth=False)
    c = st.imap("dr.who@clinic.test", tls="none")
    if wait_for_subject(c, subj_smtps) is None:
        fail("SMTPS message not delivered")
    c.logout()
    c = st.imap("applicant@inbox.test", tls="none")
    if wait_for_subject(c, subj_port25) is None:
        fail("plain SMTP message not delivered")
    c.logout()
    ok(f"unauthenticated submission refused ({code}); SMTPS+AUTH LOGIN delivers; plaintext AUTH on loopback; SMTP port needs no auth")

    # ---- outside domain: delivered locally, never relayed
    subj = f"outside-{uuid.uuid4().hex[:8]}"
    st.submit("applicant@inbox.test", "someone@gmail.com", subj)
    box = os.path.join(d, "mail", "gmail.com", "someone")
    t0 = time.monotonic()
    while time.monotonic() - t0 < 5:
        found = [f for sub in ("new", "cur") if os.path.isdir(os.path.join(box, sub))
                 for f in os.listdir(os.path.join(box, sub))
                 if subj in open(os.path.join(box, sub, f), errors="replace").read()]
        if found:
            break
        time.sleep(0.01)
    else:
        fail("mail to someone@gmail.com not in DIR/mail/gmail.com/someone")
    log = open(os.path.join(d, "postfix.log")).read()
    relays = set(re.findall(r"relay=([^,]+),", log))
    if any("dovecot-lmtp" not in r for r in relays) or re.search(r"/smtp\[\d+\]", log):
        fail(f"Postfix used a relay other than Dovecot LMTP: {relays}")
    ok(f"someone@gmail.com delivered into DIR/mail/gmail.com/someone; Postfix relays seen: {sorted(relays)}")

    # ---- latency: SMTP accepted -> visible over IMAP (median of 20)
    c = st.imap("bench001@inbox.test", tls="none")
    c.select("INBOX")
    s = smtplib.SMTP(st.host, st.sub_port, timeout=10)
    s.login("applicant@inbox.test", st.pw)
    lat = []
    for i in range(20):
        subj = f"lat-{i}-{uuid.uuid4().hex[:8]}"
        s.sendmail("applicant@inbox.test", ["bench001@inbox.test"], f"Subject: {subj}\r\n\r\nx\r\n")
        t0 = time.monotonic()
        while True:
            c.noop()
            typ, data = c.search(None, "SUBJECT", f'"{subj}"')
            if data[0].split():
                break
            if time.monotonic() - t0 > 10:
                fail("latency message never arrived")
            time.sleep(0.002)
        lat.append((time.monotonic() - t0) * 1000)
    s.quit()
    c.logout()
    ok(f"latency SMTP-accepted -> visible over IMAP, 20 msgs: median {statistics.median(lat):.0f} ms, "
       f"min {min(lat):.0f}, max {max(lat):.0f}")

    # ---- IDLE push latency
    c = st.imap("bench002@inbox.test", tls="none")
    c.select("INBOX")
    idle = []
    for i in range(5):
        tag = c._new_tag().decode()
        c.send(f"{tag} IDLE\r\n".encode())
        if not c.readline().startswith(b"+"):
            fail("IDLE not accepted")
        st.submit("applicant@inbox.test", "bench002@inbox.test", f"idle-{i}", port="smtp", auth=False)
        t0 = time.monotonic()
        c.sock.settimeout(10)
        line = c.readline()
        idle.append((time.monotonic() - t0) * 1000)
        if b"EXISTS" not in line:
            fail(f"IDLE got {line!r}")
        c.send(b"DONE\r\n")
        while not c.readline().startswith(tag.encode()):
            pass
    ok(f"IDLE pushes EXISTS, SMTP-accepted -> EXISTS: median {statistics.median(idle):.0f} ms (max {max(idle):.0f})")

    # ---- Dovecot restart while a client IDLEs; mail queued meanwhile
    tag = c._new_tag().decode()
    c.send(f"{tag} IDLE\r\n".encode())
    c.readline()
    _, dt_stop = run("stop-dovecot", d)
    c.sock.settimeout(5)
    try:
        rest = c.sock.recv(4096)
        while rest and b"BYE" not in rest:
            more = c.sock.recv(4096)
            if not more:
                break
            rest += more
    except OSError:
        rest = b"<reset>"
    subj = f"queued-{uuid.uuid4().hex[:8]}"
    st.submit("noreply@portal.test", "applicant@inbox.test", subj, port="smtp", auth=False)
    st.submit("noreply@portal.test", "jsmith@hospital.test", subj, port="smtp", auth=False)
    try:  # SASL lives in Dovecot: submission AUTH must fail temporarily meanwhile
        st.submit("applicant@inbox.test", "jsmith@hospital.test", "while-down")
        fail("submission AUTH succeeded while Dovecot was down")
    except smtplib.SMTPAuthenticationError as e:
        down_code = e.smtp_code
        if down_code // 100 != 4:
            fail(f"submission AUTH while Dovecot down answered {down_code}, want 4xx")
    time.sleep(1.0)
    _, dt_start = run("start-dovecot", d)
    t0 = time.monotonic()
    c = st.imap("applicant@inbox.test", tls="none")
    w1 = wait_for_subject(c, subj, timeout=5)
    c2 = st.imap("jsmith@hospital.test", tls="none")
    w2 = wait_for_subject(c2, subj, timeout=5)
    if w1 is None or w2 is None:
        fail("mail sent while Dovecot was down not delivered within 5 s of start-dovecot")
    dt_deliv = (time.monotonic() - t0) * 1000
    subj2 = f"after-restart-{uuid.uuid4().hex[:8]}"
    st.submit("applicant@inbox.test", "jsmith@hospital.test", subj2)
    if wait_for_subject(c2, subj2, timeout=5) is None:
        fail("submission after start-dovecot not delivered")
    ok(f"stop-dovecot ({dt_stop:.2f} s; IDLE client got {rest.strip()[:60]!r}); 2 msgs queued via SMTP, "
       f"submission AUTH -> {down_code} meanwhile; start-dovecot ({dt_start:.2f} s); queued mail visible "
       f"{dt_deliv:.0f} ms later; submission+SASL works again")
    c.logout()
    c2.logout()

    # ---- defer on/off
    _, dt_on = run("defer", "on", d)
    for port in ("submission", "smtps"):
        try:
            st.submit("applicant@inbox.test", "jsmith@hospital.test", "deferred", port=port)
            fail(f"defer on: {port} accepted a message")
        except smtplib.SMTPRecipientsRefused as e:
            code = list(e.recipients.values())[0][0]
            if code // 100 != 4:
                fail(f"defer on: {port} answered {code}, want 4xx")
    p, _ = run("status", d)
    if "defer: on" not in p.stdout:
        fail("status does not show defer: on")
    st.submit("noreply@portal.test", "applicant@inbox.test", "port25 unaffected", port="smtp", auth=False)
    _, dt_off = run("defer", "off", d)
    t0 = time.monotonic()
    subj = f"after-defer-{uuid.uuid4().hex[:8]}"
    st.submit("applicant@inbox.test", "jsmith@hospital.test", subj)
    ok(f"defer on ({dt_on:.2f} s): submission+smtps RCPT -> {code}; SMTP port unaffected; "
       f"defer off ({dt_off:.2f} s): accepted {(time.monotonic() - t0) * 1000:.0f} ms later")

    # ---- stop / start twice
    for i in range(2):
        _, dt_stop = run("stop", d)
        p, _ = run("status", d)
        if "dovecot: stopped" not in p.stdout or "postfix: stopped" not in p.stdout:
            fail(f"status after stop: {p.stdout}")
        _, dt_stop2 = run("stop", d)
        _, dt_start = run("start", d)
        ok(f"round {i + 1}: stop {dt_stop:.2f} s, stop again {dt_stop2:.2f} s (rc 0), warm start {dt_start:.2f} s")
    c = st.imap("jsmith@hospital.test", tls="none")
    if wait_for_subject(c, subj) is None:
        fail("mail lost across restarts")
    c.logout()
    ok("mail survives stop/start")
    run("stop", d)
    print(f"{len(PASSED)} passed, 0 failed")


if __name__ == "__main__":
    main()
