#!/usr/bin/env python3
"""Browser tests of the review site, in headless Chromium through Selenium.

Environment: REVIEW_SITE (the site's folder), SCREENSHOTS (where the PNGs go), CHROMIUM and CHROMEDRIVER (paths).
Checks: on every document page each record's highlighted elements, joined, hold exactly the record's text and every
in-page link has its anchor; every evidence link of the findings page lands on an element of the document's text
holding the evidence's text; the legend turns a kind off and on; hovering and clicking a span show its record; the
index sorts, searches and pages, and stays fast with 10 000 documents; no page logs a console error.
Exit code 0 when every check passes, 1 otherwise.
"""
import json
import os
import shutil
import sys
import tempfile
import time
from urllib.parse import unquote

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

SITE = os.path.abspath(os.environ["REVIEW_SITE"])
SHOTS = os.path.abspath(os.environ.get("SCREENSHOTS", "docs/screenshots"))
failures = []
checks = 0


def check(ok, message):
    global checks
    checks += 1
    if not ok:
        failures.append(message)
        print("FAIL:", message, file=sys.stderr)


def url(relative):
    return "file://" + os.path.join(SITE, relative)


def console_errors(driver, where):
    for entry in driver.get_log("browser"):
        check(entry["level"] != "SEVERE", f"{where}: console error: {entry['message']}")


def start():
    opts = Options()
    opts.binary_location = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    for a in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1440,960", "--hide-scrollbars"]:
        opts.add_argument(a)
    opts.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    service = Service(executable_path=os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver"))
    driver = webdriver.Chrome(service=service, options=opts)
    driver.set_page_load_timeout(30)
    driver.set_script_timeout(30)
    return driver


# For each record R[i]: the text of its elements joined, and every in-page link's anchor.
PAGE_CHECK = """
var bad=[];
for(var i=0;i<R.length;i++){
  var els=document.querySelectorAll('#text [data-r="'+i+'"]');
  var t=Array.prototype.map.call(els,function(e){return e.textContent;}).join('');
  if(els.length===0) bad.push('record '+i+' ('+R[i].k+') has no highlighted element');
  else if(t!==R[i].t) bad.push('record '+i+' ('+R[i].k+'): highlighted «'+t+'», record «'+R[i].t+'»');
  else if(!els[0].classList.contains('k-'+R[i].k)) bad.push('record '+i+': class '+els[0].className);
}
document.querySelectorAll('a[href^="#"]').forEach(function(a){
  if(!document.getElementById(a.getAttribute('href').slice(1))) bad.push('link '+a.getAttribute('href')+' has no anchor');
});
return {bad:bad, records:R.length, text:!!document.getElementById('text')};
"""


def test_documents(driver, rows):
    total = 0
    for row in rows:
        page = "docs/" + row["id"] + ".html"
        driver.get(url(page))
        result = driver.execute_script(PAGE_CHECK)
        check(result["text"], f"{page}: no text shown")
        for b in result["bad"]:
            check(False, f"{page}: {b}")
        expected = sum(row["c"])
        check(result["records"] == expected, f"{page}: {result['records']} records on the page, the index counts {expected}")
        total += result["records"]
        console_errors(driver, page)
    print(f"document pages: {len(rows)}, records checked: {total}")


def test_findings(driver):
    driver.get(url("findings.html"))
    console_errors(driver, "findings.html")
    total = driver.execute_script("return window.REVIEW_FINDINGS.findings.length;")
    links, cards = [], 0
    while True:  # every page of the list
        cards += len(driver.find_elements(By.CSS_SELECTOR, "article.finding"))
        links += [(a.get_attribute("href"), a.text) for a in driver.find_elements(By.CSS_SELECTOR, "a.ev")]
        nxt = driver.find_element(By.ID, "next")
        if not nxt.is_enabled():
            break
        nxt.click()
    check(cards == total and total > 0, f"findings.html: {cards} findings shown over the pages, {total} in the data")
    check(len(links) > 0, "findings.html: no evidence links")
    # A document page's link to a finding opens the findings page on it.
    last = driver.execute_script("return window.REVIEW_FINDINGS.findings[window.REVIEW_FINDINGS.findings.length-1].n;")
    driver.get(url("findings.html") + f"#f{last}")
    top = driver.execute_script(f"var e=document.getElementById('f{last}');return e?[e.getBoundingClientRect().top,window.innerHeight]:null;")
    check(top is not None and 0 <= top[0] < top[1], f"findings.html#f{last}: the finding is not in view ({top})")
    for href, text in links:
        target = unquote(href.split("#", 1)[1])
        driver.get(href)
        found = driver.execute_script(
            "var e=document.getElementById(arguments[0]);return e?{text:e.textContent,inText:!!e.closest('#text'),"
            "top:e.getBoundingClientRect().top,h:window.innerHeight,legend:document.getElementById('legend').getBoundingClientRect().bottom}:null;", target)
        check(found is not None, f"{href}: no anchor #{target}")
        if found:
            check(found["inText"], f"{href}: the anchor is not in the document's text")
            check(found["text"] == text, f"{href}: the anchor holds «{found['text']}», the finding quotes «{text}»")
            check(found["legend"] <= found["top"] <= found["h"],
                  f"{href}: the anchor is not in view below the legend (top {found['top']}, legend {found['legend']}, window {found['h']})")
        console_errors(driver, href)
    print(f"finding links checked: {len(links)}")


def test_legend_and_record(driver, page):
    driver.get(url(page))
    amount = driver.find_element(By.CSS_SELECTOR, "#text .k-amount")
    before = amount.value_of_css_property("background-color")
    box = driver.find_element(By.CSS_SELECTOR, '#legend input[data-k="amount"]')
    box.click()
    off = amount.value_of_css_property("background-color")
    check(before not in ("rgba(0, 0, 0, 0)", "transparent"), f"{page}: an amount is not highlighted ({before})")
    check(off in ("rgba(0, 0, 0, 0)", "transparent"), f"{page}: the legend did not turn amounts off ({off})")
    box.click()
    check(amount.value_of_css_property("background-color") == before, f"{page}: the legend did not turn amounts on again")
    target = driver.find_element(By.CSS_SELECTOR, "#text .k-target")
    driver.execute_script("arguments[0].scrollIntoView({block:'center'});", target)
    ActionChains(driver).move_to_element(target).perform()
    tip = driver.find_element(By.ID, "tip")
    check(tip.is_displayed() and "metric" in tip.text, f"{page}: hovering a target shows no record ({tip.text!r})")
    target.click()
    panel = driver.find_element(By.ID, "record").text
    check("comparator" in panel and "section" in panel, f"{page}: clicking a target shows no record in the panel ({panel!r})")
    ActionChains(driver).move_to_element(target).perform()
    os.makedirs(SHOTS, exist_ok=True)
    driver.save_screenshot(os.path.join(SHOTS, "document.png"))
    console_errors(driver, page)


def test_index(driver, rows):
    driver.get(url("index.html"))
    shown = driver.find_element(By.ID, "shown").text
    check(shown == f"{len(rows)} of {len(rows)} documents", f"index: {shown!r}")
    body_rows = driver.find_elements(By.CSS_SELECTOR, "#index tbody tr")
    check(len(body_rows) == min(100, len(rows)), f"index: {len(body_rows)} rows shown")
    # Sort by the number of findings, most first.
    th = driver.find_element(By.CSS_SELECTOR, '#index th[data-k="f"]')
    th.click(); th.click()
    first = driver.find_element(By.CSS_SELECTOR, "#index tbody tr td:nth-child(1)").text
    most = max(rows, key=lambda r: r["f"])["f"]
    check(next(r for r in rows if r["id"] == first)["f"] == most, f"index: sorting by findings puts {first} first")
    q = driver.find_element(By.ID, "q")
    q.send_keys(rows[3]["id"])
    WebDriverWait(driver, 5).until(lambda d: d.find_element(By.ID, "shown").text.startswith("1 of "))
    q.clear()
    q.send_keys(" ")  # any change re-renders; a blank matches every row
    driver.execute_script("var q=document.getElementById('q');q.value='';q.dispatchEvent(new Event('input'));")
    WebDriverWait(driver, 5).until(lambda d: d.find_element(By.ID, "shown").text.startswith(f"{len(rows)} of "))
    driver.save_screenshot(os.path.join(SHOTS, "index.png"))
    console_errors(driver, "index.html")


def test_index_10000(driver, rows):
    """The index with 10 000 documents (the Fixtures' rows repeated): load, sort, search and page times."""
    tmp = tempfile.mkdtemp(prefix="review-10000-")
    try:
        shutil.copy(os.path.join(SITE, "index.html"), tmp)
        with open(os.path.join(SITE, "index-data.js"), encoding="utf-8") as f:
            text = f.read()
        data = json.loads(text[text.index("=") + 1:text.rstrip().rindex(";")])
        many = []
        for i in range(10000):
            r = dict(rows[i % len(rows)])
            r["id"] = f"{r['id']}-{i:05d}"
            many.append(r)
        data["rows"] = many
        with open(os.path.join(tmp, "index-data.js"), "w", encoding="utf-8") as f:
            f.write("window.REVIEW_INDEX=" + json.dumps(data, ensure_ascii=False) + ";\n")
        size = os.path.getsize(os.path.join(tmp, "index-data.js"))
        t0 = time.monotonic()
        driver.get("file://" + os.path.join(tmp, "index.html"))
        load = time.monotonic() - t0
        shown = driver.find_element(By.ID, "shown").text
        check(shown == "10000 of 10000 documents", f"10 000 index: {shown!r}")
        check(len(driver.find_elements(By.CSS_SELECTOR, "#index tbody tr")) == 100, "10 000 index: not 100 rows a page")
        sort_ms = driver.execute_script(
            "var t=performance.now();document.querySelector('#index th[data-k=\"t\"]').click();return performance.now()-t;")
        search_ms = driver.execute_script(
            "var q=document.getElementById('q');q.value='集群';var t=performance.now();"
            "q.dispatchEvent(new Event('input'));return new Promise(function(ok){setTimeout(function(){ok(performance.now()-t-120);},200);});")
        page_ms = driver.execute_script("var t=performance.now();document.getElementById('next').click();return performance.now()-t;")
        print(f"10 000 documents: index-data.js {size / 1e6:.1f} MB, page load {load * 1000:.0f} ms, sort {sort_ms:.0f} ms, "
              f"search {max(search_ms, 0):.0f} ms, next page {page_ms:.0f} ms")
        check(load < 5, f"10 000 index: loading took {load:.1f} s")
        check(sort_ms < 1000 and page_ms < 500, f"10 000 index: sort {sort_ms:.0f} ms, next page {page_ms:.0f} ms")
        console_errors(driver, "10 000 index")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def main():
    with open(os.path.join(SITE, "index-data.js"), encoding="utf-8") as f:
        text = f.read()
    rows = json.loads(text[text.index("=") + 1:text.rstrip().rindex(";")])["rows"]
    driver = start()
    try:
        test_index(driver, rows)
        test_documents(driver, rows)
        page = next("docs/" + r["id"] + ".html" for r in rows if r["id"].startswith("004_"))
        test_legend_and_record(driver, page)
        test_findings(driver)
        driver.get(url("findings.html"))
        driver.save_screenshot(os.path.join(SHOTS, "findings.png"))
        test_index_10000(driver, rows)
    finally:
        driver.quit()
    print(f"{checks} checks, {len(failures)} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
