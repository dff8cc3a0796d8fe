import email, email.policy, glob, re, collections, sys
from email.utils import parsedate_to_datetime
kinds={"strong_yes","hesitant","decline","needs_info","uploaded","auto_reply","other"}
rows=[l.rstrip('\n').split('\t') for l in open('labels.tsv')]
assert rows[0]==['file','kind','note']; rows=rows[1:]
assert all(len(r)==3 for r in rows)
files=sorted(glob.glob('*.eml'))
assert [r[0] for r in rows]==files, "mismatch"
c=collections.Counter(); bl=0
for f,k,n in rows:
    assert k in kinds
    c[k]+=1; bl+=n.startswith('BORDERLINE:')
    b=open(f,'rb').read()
    assert b.count(b'\n')==b.count(b'\r\n'), f
    assert b'\r\n\r\n' in b
    m=email.message_from_bytes(b, policy=email.policy.default)
    for h in ('From','To','Subject','Date','Message-ID','MIME-Version','Content-Type'): assert m[h], (f,h)
    str(m['Subject']); str(m['From'])
    for part in m.walk():
        if part.defects: print(f, part.defects)
        if part.get_content_maintype()=='text': part.get_content()
    assert m.get_body(('plain','html')).get_content().strip()
    for a in re.findall(rb'[\w.+-]+@[\w.-]+', b):
        d=a.split(b'@')[1].lower().rstrip(b'.')
        if not (d.endswith(b'.example') or d.endswith(b'.test')): print('DOMAIN', f, a)
print(dict(c), sum(c.values()), 'borderline', bl)
