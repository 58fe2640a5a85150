//! Harness for end-to-end tests: serves the built `dist/` on loopback (with a switch to stop
//! it, for offline tests), starts ChromeDriver and a fresh headless Chromium per test, and
//! offers the few helpers the scenarios need. Screenshots go to `tests/e2e/screenshots/`.

pub mod gen;
use fantoccini::elements::Element;
use fantoccini::wd::Capabilities;
use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{json, Value};
use std::collections::HashMap;
use std::net::TcpListener;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

pub type R<T = ()> = Result<T, Box<dyn std::error::Error + Send + Sync>>;

pub const TABLET_PORTRAIT: (u32, u32) = (768, 1024);
pub const TABLET_LANDSCAPE: (u32, u32) = (1280, 800);

/// The repository root (where `dist/` and `node_modules/` are).
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The name of the build's file `prefix…suffix` in `dist/` (Trunk and precache.sh put the
/// content's hash between): `built_file("lookup-", ".js")`.
pub fn built_file(prefix: &str, suffix: &str) -> R<String> {
    std::fs::read_dir(root().join("dist"))?
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .find(|n| n.starts_with(prefix) && n.ends_with(suffix))
        .ok_or_else(|| format!("no {prefix}…{suffix} in dist/: run trunk build first").into())
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port")
}

/// A static server for `dist/` on 127.0.0.1. Unknown paths get `index.html` (single-page
/// routes). `stop()` makes it refuse every request, as if the network were gone.
pub struct Server {
    pub port: u16,
    up: Arc<AtomicBool>,
    server: Arc<tiny_http::Server>,
    /// Files served instead of those in `dist/` (to play a new deployment).
    overrides: Arc<Mutex<HashMap<String, Vec<u8>>>>,
    /// Send every file with a year-long HTTP cache (a careless host).
    long_cache: Arc<AtomicBool>,
    /// Paths whose next request is held unanswered (a stalled connection).
    stall: Arc<Mutex<Vec<String>>>,
}

impl Server {
    pub fn start() -> Server {
        Server::start_under("dist", "/")
    }

    /// The build in `dir` served under `prefix` (`/motcua/`, as built with `trunk build
    /// --public-url /motcua/`); anything outside the prefix is not found.
    pub fn start_under(dir: &str, prefix: &str) -> Server {
        let dist = root().join(dir);
        assert!(
            dist.join("index.html").exists(),
            "build the app first (scripts/test.sh builds {dir})"
        );
        let prefix = prefix.trim_start_matches('/').to_string();
        let server = Arc::new(tiny_http::Server::http("127.0.0.1:0").expect("bind loopback"));
        let port = server.server_addr().to_ip().expect("ip address").port();
        let up = Arc::new(AtomicBool::new(true));
        let overrides: Arc<Mutex<HashMap<String, Vec<u8>>>> = Arc::default();
        let long_cache = Arc::new(AtomicBool::new(false));
        let stall: Arc<Mutex<Vec<String>>> = Arc::default();
        let (s, u, o, lc, st) = (server.clone(), up.clone(), overrides.clone(), long_cache.clone(), stall.clone());
        std::thread::spawn(move || {
            for req in s.incoming_requests() {
                if !u.load(Ordering::SeqCst) {
                    // Server "down": drop the connection without an answer.
                    drop(req);
                    continue;
                }
                let path = req.url().split('?').next().unwrap_or("").to_string();
                let held = st.lock().ok().and_then(|mut l| {
                    let i = l.iter().position(|p| *p == path)?;
                    Some(l.remove(i))
                });
                if held.is_some() {
                    // Never answered while the test runs: the browser waits on it.
                    std::thread::spawn(move || {
                        std::thread::sleep(Duration::from_secs(120));
                        drop(req);
                    });
                    continue;
                }
                // Each answer on its own thread: Chromium stops reading a response whose reader
                // is busy or gone (a service worker's precache cut short by a page load), and a
                // write blocked on it must not hold up every other file (a page left blank).
                let (dist, prefix, o, lc) = (dist.clone(), prefix.clone(), o.clone(), lc.clone());
                std::thread::spawn(move || serve(req, &dist, &prefix, &o, &lc));
            }
        });
        Server {
            port,
            up,
            server,
            overrides,
            long_cache,
            stall,
        }
    }

    /// Hold the next request for `path` unanswered, as a stalled connection would.
    pub fn stall_once(&self, path: &str) {
        if let Ok(mut l) = self.stall.lock() {
            l.push(path.to_string());
        }
    }

    /// From now on, send every file with a year-long HTTP cache.
    pub fn long_cache(&self) {
        self.long_cache.store(true, Ordering::SeqCst);
    }

    /// Serve `body` for `path` from now on, as a new deployment would.
    pub fn replace(&self, path: &str, body: Vec<u8>) {
        if let Ok(mut m) = self.overrides.lock() {
            m.insert(path.trim_start_matches('/').to_string(), body);
        }
    }

    /// A file of the build as the server would send it.
    pub fn dist_file(&self, path: &str) -> std::io::Result<String> {
        std::fs::read_to_string(root().join("dist").join(path))
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://127.0.0.1:{}{}", self.port, path)
    }

    /// Stop answering: the app must now live on its service worker.
    pub fn stop(&self) {
        self.up.store(false, Ordering::SeqCst);
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.server.unblock();
    }
}

/// One headless Chromium, driven through its own ChromeDriver.
pub struct Browser {
    pub c: Client,
    driver: Driver,
    _profile: TempDir,
    pub name: String,
    /// Where this browser saves downloads.
    pub downloads: PathBuf,
}

/// ChromeDriver and the Chromium it started, ended when dropped: a test that fails returns
/// early without `close()`, and its browser must not run on into the next test.
struct Driver {
    child: Child,
    profile: PathBuf,
}

impl Drop for Driver {
    fn drop(&mut self) {
        self.child.kill().ok();
        self.child.wait().ok();
        // Killing ChromeDriver leaves its Chromium running: end the one on this profile.
        Command::new("pkill")
            .arg("-f")
            .arg(format!("user-data-dir={}( |$)", self.profile.display()))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .ok();
    }
}

struct TempDir(PathBuf);
impl Drop for TempDir {
    fn drop(&mut self) {
        std::fs::remove_dir_all(&self.0).ok();
    }
}

impl Browser {
    /// A fresh browser (empty profile) with the given window size.
    pub async fn new(name: &str, size: (u32, u32)) -> R<Browser> {
        Browser::launch(name, size, None, &[]).await
    }

    /// A fresh browser whose camera shows `video` (a .y4m or .mjpeg file, looped), the camera
    /// allowed without asking; with `None`, a browser whose camera is refused.
    pub async fn with_camera(name: &str, size: (u32, u32), video: Option<&std::path::Path>) -> R<Browser> {
        let args = match video {
            Some(v) => vec![
                "--use-fake-device-for-media-stream".to_string(),
                "--use-fake-ui-for-media-stream".to_string(),
                format!("--use-file-for-fake-video-capture={}", v.display()),
            ],
            None => vec![
                "--use-fake-device-for-media-stream".to_string(),
                "--deny-permission-prompts".to_string(),
            ],
        };
        Browser::launch(name, size, None, &args).await
    }

    /// A fresh browser whose own language is `lang` (e.g. `en-US`, as many tablets ship): its
    /// built-in controls and `navigator.language` follow it; the app must not.
    pub async fn with_lang(name: &str, size: (u32, u32), lang: &str) -> R<Browser> {
        Browser::launch(name, size, None, &[format!("--lang={lang}")]).await
    }

    /// Quit and start again on the same profile: what a tablet does when the browser is
    /// closed. Chromium writes localStorage to disk lazily (a quit right after a multi-megabyte
    /// write lost it 4 times in 6), so the data gets `settle` to reach the disk first.
    pub async fn reopen(self, size: (u32, u32), settle: Duration) -> R<Browser> {
        tokio::time::sleep(settle).await;
        let Browser {
            c, driver, _profile, name, ..
        } = self;
        c.close().await.ok();
        drop(driver);
        Browser::launch(&name, size, Some(_profile), &[]).await
    }

    async fn launch(name: &str, size: (u32, u32), profile: Option<TempDir>, extra: &[String]) -> R<Browser> {
        let port = free_port();
        let child = Command::new(std::env::var("CHROMEDRIVER").unwrap_or_else(|_| "/usr/bin/chromedriver".into()))
            .arg(format!("--port={port}"))
            // A tablet set to a zone far from Vietnam's: every date the app derives must still
            // be Vietnam time (UTC+7).
            .env("TZ", "America/Los_Angeles")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()?;
        let kept = profile;
        let profile = match &kept {
            Some(TempDir(p)) => p.clone(),
            None => std::env::temp_dir().join(format!("motcua-e2e-{}-{}", std::process::id(), port)),
        };
        std::fs::create_dir_all(&profile)?;
        let driver = Driver {
            child,
            profile: profile.clone(),
        };
        let downloads = profile.join("downloads");
        std::fs::create_dir_all(&downloads)?;
        let mut caps = Capabilities::new();
        caps.insert(
            "goog:chromeOptions".into(),
            json!({
                "binary": std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into()),
                "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                         "--disable-background-networking", "--disable-component-update", "--disable-sync",
                         "--no-first-run", "--hide-scrollbars", "--lang=vi",
                         format!("--user-data-dir={}", profile.display()),
                         format!("--window-size={},{}", size.0, size.1)],
                "prefs": {"download.default_directory": downloads.display().to_string(), "download.prompt_for_download": false}
            }),
        );
        if let Some(args) = caps
            .get_mut("goog:chromeOptions")
            .and_then(|o| o.get_mut("args"))
            .and_then(Value::as_array_mut)
        {
            args.extend(extra.iter().map(|a| json!(a)));
        }
        caps.insert("goog:loggingPrefs".into(), json!({"browser": "ALL"}));
        let start = Instant::now();
        let c = loop {
            match ClientBuilder::rustls()?
                .capabilities(caps.clone())
                .connect(&format!("http://127.0.0.1:{port}"))
                .await
            {
                Ok(c) => break c,
                Err(e) if start.elapsed() > Duration::from_secs(20) => return Err(e.into()),
                Err(_) => tokio::time::sleep(Duration::from_millis(200)).await,
            }
        };
        let b = Browser {
            c,
            driver,
            _profile: kept.unwrap_or_else(|| TempDir(profile)),
            name: name.to_string(),
            downloads,
        };
        b.resize(size).await?;
        Ok(b)
    }

    /// Set the viewport (not the window) to `size`, so screenshots are exactly that size.
    pub async fn resize(&self, size: (u32, u32)) -> R {
        self.c.set_window_size(size.0, size.1).await?;
        let inner: Vec<u32> = serde_json::from_value(self.c.execute("return [innerWidth, innerHeight]", vec![]).await?)?;
        let (dw, dh) = (size.0 as i64 - inner[0] as i64, size.1 as i64 - inner[1] as i64);
        if dw != 0 || dh != 0 {
            self.c
                .set_window_size((size.0 as i64 + dw) as u32, (size.1 as i64 + dh) as u32)
                .await?;
        }
        Ok(())
    }

    pub async fn goto(&self, url: &str) -> R {
        self.c.goto(url).await?;
        // A first visit compiles a module of megabytes while the service worker precaches
        // the build: on a loaded 2-core machine that has taken over 10 s. How fast a page
        // starts is measured by the benchmark (BENCHMARKS.md), not by this wait.
        if let Err(e) = self.wait_css_for("body > *", Duration::from_secs(30)).await {
            // A blank first page has been seen about once in 300 loads in full runs and never
            // alone: say what the page had fetched and logged, to find where it stopped.
            let state = self
                .js("return JSON.stringify({ready: document.readyState, \
                     sw: !!(navigator.serviceWorker && navigator.serviceWorker.controller), \
                     fetched: performance.getEntriesByType('resource').map(e => \
                       [e.name.split('/').pop(), Math.round(e.startTime), Math.round(e.duration)])})")
                .await
                .map(|v| v.to_string())
                .unwrap_or_default();
            let logged = self.console_errors().await.unwrap_or_default();
            return Err(format!("{e}; page: {state}; console: {logged:?}").into());
        }
        Ok(())
    }

    /// Wait (up to 10 s) for an element.
    pub async fn wait_css(&self, css: &str) -> R<Element> {
        self.wait_css_for(css, Duration::from_secs(10)).await
    }

    /// `wait_css` with a longer patience (large files in the benchmarks).
    pub async fn wait_css_for(&self, css: &str, at_most: Duration) -> R<Element> {
        let start = Instant::now();
        loop {
            let left = at_most.saturating_sub(start.elapsed());
            match self.c.wait().at_most(left).for_element(Locator::Css(css)).await {
                Ok(el) => return Ok(el),
                // A page load from one module to the other (see `wait_js`) aborts a look-up
                // running then: look again in the page that loads.
                Err(e) if e.to_string().contains("aborted by navigation") && !left.is_zero() => {}
                // Say what was waited for, and where: a bare WaitTimeout names neither.
                Err(e) => {
                    let url = self.c.current_url().await.map(|u| u.to_string()).unwrap_or_default();
                    self.shot("timed-out").await.ok();
                    return Err(format!("{e}: {css} on {url} (screenshot: {}-timed-out.png)", self.name).into());
                }
            }
        }
    }

    /// Wait until a JS expression is truthy (up to 10 s).
    pub async fn wait_js(&self, expr: &str) -> R {
        let start = Instant::now();
        loop {
            match self.c.execute(&format!("return !!({expr})"), vec![]).await {
                Ok(Value::Bool(true)) => return Ok(()),
                Ok(_) => {}
                // The kiosk and the staff app are two modules: going from one to the other
                // loads the page (`platform::switch_to`), which aborts a script running then.
                Err(e) if e.to_string().contains("aborted by navigation") => {}
                Err(e) => return Err(e.into()),
            }
            if start.elapsed() > Duration::from_secs(10) {
                return Err(format!("timed out waiting for {expr}").into());
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Wait until the service worker is active and controls the page. Opening `/` hands over
    /// from the kiosk module to the staff app with a page load, which can race the worker's
    /// first activation: that page then stays uncontrolled until its next load, as any page
    /// opened before a worker activates. Then it is reloaded once, as a person reopens the app.
    pub async fn wait_controlled(&self) -> R {
        let start = Instant::now();
        while start.elapsed() < Duration::from_secs(20) {
            let asked = self
                .c
                .execute_async(
                    // `ready` waits for as long as no worker registers for the page (one loaded
                    // while the module changed, before its `load` registered): a bounded wait,
                    // then a reload, instead of a bare script timeout.
                    "const done = arguments[0];
                     const late = new Promise(r => setTimeout(() => r(false), 3000));
                     Promise.race([navigator.serviceWorker.ready.then(() => !!navigator.serviceWorker.controller), late]).then(done);",
                    vec![],
                )
                .await;
            match asked {
                Ok(Value::Bool(true)) => return Ok(()),
                Ok(_) => self.c.refresh().await?,
                Err(e) if e.to_string().contains("aborted by navigation") => {}
                Err(e) => return Err(e.into()),
            }
        }
        Err("timed out waiting for the service worker to control the page".into())
    }

    /// Click as a person would: bring the element to the middle of the screen first (the
    /// sticky top bar may cover it otherwise).
    pub async fn click(&self, css: &str) -> R {
        let el = self.wait_css(css).await?;
        self.c
            .execute("arguments[0].scrollIntoView({block: 'center'})", vec![serde_json::to_value(&el)?])
            .await?;
        el.click().await?;
        Ok(())
    }

    pub async fn text(&self, css: &str) -> R<String> {
        Ok(self.wait_css(css).await?.text().await?)
    }

    pub async fn js(&self, script: &str) -> R<Value> {
        Ok(self.c.execute(script, vec![]).await?)
    }

    pub async fn path(&self) -> R<String> {
        Ok(self.c.current_url().await?.path().to_string())
    }

    /// Empty an input, then type `value` key by key. WebDriver's clear fires no `input`
    /// event, so one is sent: the app sees the field empty as a person's delete would show it.
    pub async fn fill(&self, css: &str, value: &str) -> R {
        self.set_value(css, "").await?;
        if !value.is_empty() {
            self.wait_css(css).await?.send_keys(value).await?;
        }
        Ok(())
    }

    /// Type a date (`YYYY-MM-DD`) or date and time (`YYYY-MM-DDTHH:MM`) into one of the app's
    /// own date fields as an officer would: `dd/mm/yyyy[ HH:MM]`; "" empties the field.
    pub async fn set_date(&self, css: &str, iso: &str) -> R {
        let typed = match (iso.get(0..4), iso.get(5..7), iso.get(8..10)) {
            (Some(y), Some(m), Some(d)) => match iso.get(11..16) {
                Some(hm) => format!("{d}/{m}/{y} {hm}"),
                None => format!("{d}/{m}/{y}"),
            },
            _ => iso.to_string(),
        };
        self.fill(css, &typed).await
    }

    /// Set an input's value from script and fire `input` (for date pickers, whose typed form
    /// depends on the browser's locale).
    pub async fn set_value(&self, css: &str, value: &str) -> R {
        self.wait_css(css).await?;
        let script = format!(
            "const e = document.querySelector({}); e.value = {}; e.dispatchEvent(new Event('input', {{bubbles: true}})); e.dispatchEvent(new Event('change', {{bubbles: true}}));",
            serde_json::to_string(css)?,
            serde_json::to_string(value)?
        );
        self.js(&script).await?;
        Ok(())
    }

    /// Choose an option of a `<select>` by value.
    pub async fn select(&self, css: &str, value: &str) -> R {
        self.set_value(css, value).await
    }

    /// Save a screenshot as `tests/e2e/screenshots/<test>-<name>.png`.
    pub async fn shot(&self, name: &str) -> R {
        let dir = root().join("tests/e2e/screenshots");
        std::fs::create_dir_all(&dir)?;
        let png = self.c.screenshot().await?;
        std::fs::write(dir.join(format!("{}-{name}.png", self.name)), png)?;
        Ok(())
    }

    /// Console messages at level SEVERE since the last call (errors and panics).
    pub async fn console_errors(&self) -> R<Vec<String>> {
        let logs = self.c.issue_cmd(BrowserLog).await?;
        let entries = logs.as_array().cloned().unwrap_or_default();
        Ok(entries
            .into_iter()
            .filter(|e| e["level"] == "SEVERE")
            .map(|e| e["message"].as_str().unwrap_or_default().to_string())
            .collect())
    }

    /// Wait for a finished download whose name ends with `suffix`; returns its path.
    pub async fn download(&self, suffix: &str) -> R<PathBuf> {
        let start = Instant::now();
        // Chrome may show the file's name before its bytes: it is done when it has a size and
        // that size held for one poll.
        let mut last: Option<(PathBuf, u64)> = None;
        loop {
            let found = std::fs::read_dir(&self.downloads)?
                .filter_map(|e| e.ok().map(|e| e.path()))
                .find(|p| p.to_string_lossy().ends_with(suffix));
            if let Some(p) = found {
                let len = std::fs::metadata(&p).map(|m| m.len()).unwrap_or(0);
                if len > 0 && last.as_ref() == Some(&(p.clone(), len)) {
                    return Ok(p);
                }
                last = Some((p, len));
            }
            if start.elapsed() > Duration::from_secs(15) {
                return Err(format!("no download ending with {suffix}").into());
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// All responses stored, decoded from their monthly chunks by the app's own codec.
    pub async fn stored_responses(&self) -> R<Vec<Value>> {
        self.stored_records::<motcua_domain::survey::response::Response>(motcua_formats::codec::Kind::Response)
            .await
    }

    /// All dossiers stored (tombstones included), decoded by the app's own codec.
    pub async fn stored_dossiers(&self) -> R<Vec<Value>> {
        self.stored_records::<motcua_domain::dossier::Dossier>(motcua_formats::codec::Kind::Dossier)
            .await
    }

    async fn stored_records<T>(&self, kind: motcua_formats::codec::Kind) -> R<Vec<Value>>
    where
        T: serde::de::DeserializeOwned + serde::Serialize + motcua_domain::record::Record + Clone,
    {
        let stored = self.stored().await?;
        let mut out = Vec::new();
        for (k, v) in stored.as_object().cloned().unwrap_or_default() {
            if motcua_formats::codec::parse_chunk_key(&k).is_some_and(|(k2, _)| k2 == kind) {
                let (recs, _) =
                    motcua_formats::codec::decode_chunk::<T>(kind, v.as_str().unwrap_or_default()).map_err(|e| format!("{k}: {e}"))?;
                for r in recs {
                    out.push(serde_json::to_value(r)?);
                }
            }
        }
        Ok(out)
    }

    /// `n` generated ratings stored as a kiosk leaves them (the month's plain tail, no packed
    /// part), made `ago` ms before the page's clock and a second apart. Returns the chunk's key.
    pub async fn seed_ratings(&self, n: usize, ago: i64, seed: u64) -> R<String> {
        use motcua_formats::codec::{self, Kind};
        let now = self.js("return Date.now()").await?.as_i64().unwrap_or_default();
        let mut rs = gen::generate(0.2, seed).responses;
        rs.truncate(n);
        assert_eq!(rs.len(), n, "the generator made fewer ratings");
        for (i, r) in rs.iter_mut().enumerate() {
            r.meta.created_at = now - ago - i as i64 * 1000;
            r.meta.updated_at = r.meta.created_at;
        }
        let key = codec::chunk_key(Kind::Response, &codec::period_of(rs[0].meta.created_at));
        let refs: Vec<_> = rs.iter().collect();
        let raw = codec::append_to_tail(Kind::Response, None, &refs).map_err(|e| e.to_string())?;
        self.js(&format!(
            "localStorage.setItem({}, {})",
            serde_json::to_string(&key)?,
            serde_json::to_string(&raw)?
        ))
        .await?;
        Ok(key)
    }

    /// Our keys in localStorage, as a JSON object.
    pub async fn stored(&self) -> R<Value> {
        self.js("const o={}; for (let i=0;i<localStorage.length;i++){const k=localStorage.key(i); if(k.startsWith('motcua.')) o[k]=localStorage.getItem(k);} return o;").await
    }

    pub async fn close(self) -> R {
        let Browser { c, driver, .. } = self;
        c.close().await.ok();
        drop(driver);
        Ok(())
    }
}

/// The electronic id of the unit the scenarios set up (a provincial department's, with dots).
pub const AGENCY_ID: &str = "000.00.15.H34";

/// The app's screens, each by its own URL (on a fresh profile, with no PIN, staff screens open).
pub const SCREENS: [&str; 7] = [
    "/kiosk",
    "/staff",
    "/dossiers",
    "/dashboard",
    "/data",
    "/settings",
    "/settings/questionnaire",
];

/// The staff PIN the scenarios use.
pub const PIN: &str = "2468";

/// A dossier as an officer types it into the register's entry form (`Browser::enter_dossier`).
pub struct Entry<'a> {
    pub procedure: &'a str,
    pub applicant: &'a str,
    pub contact: &'a str,
    /// The receipt's date and time (`yyyy-mm-ddThh:mm`), if not now.
    pub received: Option<&'a str>,
    /// A due date set by hand and its reason.
    pub due: Option<(&'a str, &'a str)>,
}

impl<'a> Entry<'a> {
    /// Received now, its due date from the calendar.
    pub fn new(procedure: &'a str, applicant: &'a str) -> Entry<'a> {
        Entry {
            procedure,
            applicant,
            contact: "0905 111 222",
            received: None,
            due: None,
        }
    }
}

impl Browser {
    /// Fill the entry form on the register's page (already open) and receive: the new code,
    /// or the form's refusal as an error.
    pub async fn enter_dossier(&self, e: &Entry<'_>) -> R<String> {
        self.select("#d-procedure", e.procedure).await?;
        self.fill("#d-applicant", e.applicant).await?;
        self.fill("#d-contact", e.contact).await?;
        if let Some(r) = e.received {
            self.set_date("#d-received", r).await?;
        }
        if let Some((d, why)) = e.due {
            self.set_date("#d-due", d).await?;
            self.fill("#d-due-reason", why).await?;
        }
        self.click("#d-submit").await?;
        self.wait_css("#d-done, #d-error").await?;
        if let Ok(err) = self.c.find(Locator::Css("#d-error")).await {
            return Err(format!("entry refused: {}", err.text().await?).into());
        }
        self.text("#d-done-code").await
    }

    /// Open the register and receive a dossier of `procedure` for `applicant` now: its code.
    pub async fn receive(&self, srv: &Server, procedure: &str, applicant: &str) -> R<String> {
        if self.path().await? != "/dossiers" {
            self.goto(&srv.url("/dossiers")).await?;
        }
        self.enter_dossier(&Entry::new(procedure, applicant)).await
    }

    /// From the kiosk, open the PIN pad and type `pin` (what follows is the caller's to wait for).
    pub async fn unlock(&self, pin: &str) -> R {
        self.click("#staff-exit").await?;
        self.type_pin(pin).await
    }

    /// Give `files` to the file input `css`, as a person picking them in the dialog would.
    pub async fn pick_files(&self, css: &str, files: &[&std::path::Path]) -> R {
        let list: Vec<String> = files.iter().map(|p| p.display().to_string()).collect();
        self.wait_css(css).await?.send_keys(&list.join("\n")).await?;
        Ok(())
    }

    /// Type a PIN on the on-screen pad and confirm.
    pub async fn type_pin(&self, pin: &str) -> R {
        for d in pin.chars() {
            self.click(&format!(".pinpad [data-digit='{d}']")).await?;
        }
        self.click("#pin-ok").await
    }

    /// Tap through the survey: `scores` for the items, then overall 4, visits "1", a field, the
    /// suggestion, submit. Takes screenshots of each kind of screen when `shots` is set.
    pub async fn answer(&self, scores: &[u8], suggestion: &str, shots: Option<&str>) -> R {
        let b = self;
        b.click("#start").await?;
        b.walk(scores, shots).await?;
        b.fill("#suggestion", suggestion).await?;
        if let Some(tag) = shots {
            b.shot(&format!("4-comment-{tag}")).await?;
        }
        b.click("#submit").await?;
        b.wait_css("#thanks").await?;
        if let Some(tag) = shots {
            b.shot(&format!("5-thanks-{tag}")).await?;
        }
        Ok(())
    }

    /// From the first question screen to the comment screen, as a citizen taps: each item its
    /// next score of `scores` (none left: unanswered), overall 4, visits "1", the field
    /// "Điện lực"; on a screen of several lines each line is answered, then "Tiếp". Returns how
    /// many screens the survey has (from the progress bar: "n / total").
    pub async fn walk(&self, scores: &[u8], shots: Option<&str>) -> R<usize> {
        let b = self;
        let mut scores = scores.iter();
        let mut kinds_shot = std::collections::BTreeSet::new();
        for screen in 1.. {
            b.wait_js(&format!(
                "(document.querySelector('#progress-text') || {{}}).innerText?.startsWith('{screen} /')"
            ))
            .await?;
            let rows: Vec<String> = serde_json::from_value(
                b.js("return [...document.querySelectorAll('.qline')].map(e => e.dataset.row)")
                    .await?,
            )?;
            let q = b.text("#question-text").await?;
            let kind = if !rows.is_empty() {
                if rows.iter().any(|r| r == "overall" || r == "visits") {
                    "overall-visits"
                } else {
                    "group"
                }
            } else if q.contains("lĩnh vực") {
                "field"
            } else if q.contains("Nhìn chung") {
                "overall"
            } else if q.contains("đi lại") {
                "visits"
            } else {
                "question"
            };
            if let Some(tag) = shots {
                if kinds_shot.insert(kind) || kind == "group" {
                    b.shot(&format!("2-{kind}-{screen}-{tag}")).await?;
                }
            }
            match kind {
                "field" => {
                    b.click(".choice[data-field='Điện lực']").await?;
                    b.wait_css("#suggestion").await?;
                    let total = b.text("#progress-text").await?;
                    return Ok(total.split(" / ").nth(1).and_then(|n| n.trim().parse().ok()).unwrap_or(0));
                }
                "overall" => b.click(".choice[data-value='4']").await?,
                "visits" => b.click(".choice[data-value='1']").await?,
                "question" => match scores.next() {
                    Some(v) => b.click(&format!(".choice[data-value='{v}']")).await?,
                    None => b.click("#skip").await?,
                },
                _ => {
                    for row in &rows {
                        let v = match row.as_str() {
                            "overall" => Some(4),
                            "visits" => Some(1),
                            _ => scores.next().copied(),
                        };
                        if let Some(v) = v {
                            b.click(&format!(".qline[data-row='{row}'] .choice[data-value='{v}']")).await?;
                        }
                    }
                    if let Some(tag) = shots {
                        if kind == "group" && screen == 1 {
                            b.shot(&format!("2-group-answered-{tag}")).await?;
                        }
                    }
                    b.click("#next").await?;
                }
            }
        }
        unreachable!()
    }

    /// Fill the unit's setup in Cài đặt (as a new tablet needs before its first receipt): the
    /// unit's id and names, the counter, the desk (`None`: the only tablet), the officers.
    pub async fn set_up_unit(&self, srv: &Server, desk: Option<&str>, officers: &[&str]) -> R {
        self.goto(&srv.url("/settings")).await?;
        self.fill_setup(desk, officers).await
    }

    /// Fill and save the setup form on the screen now (Cài đặt, or the register's first run).
    pub async fn fill_setup(&self, desk: Option<&str>, officers: &[&str]) -> R {
        self.wait_css("#setup-form").await?;
        self.fill("#setup-agency-id", AGENCY_ID).await?;
        self.fill("#parent-agency", "UBND TỈNH KHÁNH HÒA").await?;
        self.fill("#agency-name", "SỞ CÔNG THƯƠNG").await?;
        self.fill("#counter-name", "Bộ phận TN&TKQ của Sở Công Thương tại Trung tâm PVHCC tỉnh")
            .await?;
        self.fill("#counter-phone", "0258 3822 123").await?;
        match desk {
            None => self.click("#setup-sole").await?,
            Some(n) => {
                self.click("#setup-shared").await?;
                self.fill("#desk", n).await?;
            }
        }
        self.fill("#officers", &officers.join("\n")).await?;
        self.fill("#head-title", "Giám đốc").await?;
        self.fill("#head-name", "Lê Văn Cường").await?;
        self.click("#setup-save").await?;
        // In Cài đặt the card says it saved; on the register the entry form takes its place.
        self.wait_css("#setup-saved, #dossier-form").await?;
        Ok(())
    }

    /// From the desk screen: lock the tablet into the kiosk, creating the PIN on first use.
    pub async fn lock_kiosk(&self, srv: &Server) -> R {
        self.lock_kiosk_at(&srv.url("/staff")).await
    }

    /// `lock_kiosk` from the desk screen at `url` (an app under a sub-path).
    pub async fn lock_kiosk_at(&self, url: &str) -> R {
        self.goto(url).await?;
        self.click("#enter-kiosk").await?;
        if self.js("return !!document.querySelector('.pinpad')").await? == Value::Bool(true) {
            self.type_pin(PIN).await?;
            self.wait_js("document.querySelector('#pin-msg').innerText.length > 0").await?;
            self.type_pin(PIN).await?;
        }
        self.wait_css("#start").await?;
        Ok(())
    }
}

/// ChromeDriver's log endpoint (not in the W3C standard, so not in fantoccini's API).
#[derive(Debug)]
struct BrowserLog;

impl fantoccini::wd::WebDriverCompatibleCommand for BrowserLog {
    fn endpoint(&self, base_url: &url::Url, session_id: Option<&str>) -> Result<url::Url, url::ParseError> {
        base_url.join(&format!("session/{}/se/log", session_id.unwrap_or_default()))
    }
    fn method_and_body(&self, _request_url: &url::Url) -> (http::Method, Option<String>) {
        (http::Method::POST, Some(r#"{"type":"browser"}"#.to_string()))
    }
}

/// A Chrome DevTools Protocol command through ChromeDriver (`goog/cdp/execute`).
#[derive(Debug)]
struct Cdp(String);

impl fantoccini::wd::WebDriverCompatibleCommand for Cdp {
    fn endpoint(&self, base_url: &url::Url, session_id: Option<&str>) -> Result<url::Url, url::ParseError> {
        base_url.join(&format!("session/{}/goog/cdp/execute", session_id.unwrap_or_default()))
    }
    fn method_and_body(&self, _request_url: &url::Url) -> (http::Method, Option<String>) {
        (http::Method::POST, Some(self.0.clone()))
    }
}

/// Records in the page whether an element matching the selector (its argument) ever shows.
const WATCH: &str = "(css => { window.__seen = window.__seen || {}; \
    const look = () => { if (document.querySelector(css)) window.__seen[css] = true; }; \
    new MutationObserver(look).observe(document, {subtree: true, childList: true}); look(); })";

impl Browser {
    /// From now on in this page, record whether an element matching `css` ever shows (read it
    /// with `seen`): a progress bar can come and go between two polls of a `wait_css`.
    pub async fn watch(&self, css: &str) -> R {
        self.c.execute(&format!("{WATCH}(arguments[0])"), vec![css.into()]).await?;
        Ok(())
    }

    /// `watch`, in every page loaded from now on, from before its first script runs.
    pub async fn watch_next_pages(&self, css: &str) -> R {
        let source = format!("{WATCH}({})", json!(css));
        let body = json!({"cmd": "Page.addScriptToEvaluateOnNewDocument", "params": {"source": source}});
        self.c.issue_cmd(Cdp(body.to_string())).await?;
        Ok(())
    }

    /// Whether an element matching `css` showed since `watch` / `watch_next_pages` began.
    pub async fn seen(&self, css: &str) -> R<bool> {
        let seen = self
            .c
            .execute("return !!(window.__seen && window.__seen[arguments[0]])", vec![css.into()]);
        Ok(seen.await? == Value::Bool(true))
    }

    /// Show the page as it prints (CSS `@media print`), or as on screen again.
    pub async fn emulate_print(&self, on: bool) -> R {
        let media = if on { "print" } else { "" };
        let body = json!({"cmd": "Emulation.setEmulatedMedia", "params": {"media": media}}).to_string();
        self.c.issue_cmd(Cdp(body)).await?;
        Ok(())
    }
}

/// One request of the test server: a file of the build (or its override), index.html for any
/// other path under the prefix, 404 outside it.
fn serve(
    req: tiny_http::Request,
    dist: &std::path::Path,
    prefix: &str,
    overrides: &Mutex<HashMap<String, Vec<u8>>>,
    long_cache: &AtomicBool,
) {
    let full = req.url().split('?').next().unwrap_or("/").trim_start_matches('/').to_string();
    let Some(path) = full.strip_prefix(prefix).or_else(|| (format!("{full}/") == prefix).then_some("")) else {
        req.respond(tiny_http::Response::empty(404)).ok();
        return;
    };
    let path = path.to_string();
    let mut file = dist.join(&path);
    if path.is_empty() || !file.is_file() {
        file = dist.join("index.html");
    }
    let over = overrides.lock().ok().and_then(|m| m.get(&path).cloned());
    let body = over.unwrap_or_else(|| std::fs::read(&file).unwrap_or_default());
    let mime = match file.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "js" => "application/javascript",
        "wasm" => "application/wasm",
        "css" => "text/css",
        "png" => "image/png",
        "webmanifest" => "application/manifest+json",
        _ => "application/octet-stream",
    };
    let header = tiny_http::Header::from_bytes("Content-Type", mime).expect("header");
    let mut resp = tiny_http::Response::from_data(body).with_header(header);
    if long_cache.load(Ordering::SeqCst) {
        resp.add_header(tiny_http::Header::from_bytes("Cache-Control", "max-age=31536000").expect("header"));
    }
    req.respond(resp).ok();
}
