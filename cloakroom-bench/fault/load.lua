-- wrk script for the fault test. Each request carries the cookie of one of the pre-created
-- sessions, picked at random, and is half /get-session, half /set-session. Every response is
-- logged as "start_ms latency_ms status path" (wall-clock epoch milliseconds, so the log lines up
-- with the moments fault-test.sh kills and restarts the store); status 0 means no response came
-- (a socket error, after which wrk reconnects). wrk's own summary gives no per-second view.
--
-- A thread's response() cannot tell which of its connections answered, so run one connection
-- per thread (-t N -c N): the request a thread sent is then the one whose response comes next.
--
-- Environment: FAULT_SESSIONS (a file of "cookie<TAB>marker" lines), FAULT_LOG_DIR.

local ffi = require("ffi")
ffi.cdef [[
typedef struct { long tv_sec; long tv_nsec; } fault_timespec;
int clock_gettime(int clk_id, fault_timespec *tp);
]]
local CLOCK_REALTIME = 0
local now = ffi.new("fault_timespec")

local function now_ms()
    ffi.C.clock_gettime(CLOCK_REALTIME, now)
    return tonumber(now.tv_sec) * 1000 + tonumber(now.tv_nsec) / 1e6
end

local threads = 0

function setup(thread)
    threads = threads + 1
    thread:set("id", threads)
end

local cookies, log
local started, path
-- wrk calls request() once in the first thread's state, before any connection, to check what it
-- returns (script_verify_request); that request is never sent, so it must not be timed.
local checked = false

function init(args)
    cookies = {}
    for line in io.lines(os.getenv("FAULT_SESSIONS")) do
        local cookie = line:match("^([^\t]+)")
        if cookie then
            cookies[#cookies + 1] = cookie
        end
    end
    log = assert(io.open(os.getenv("FAULT_LOG_DIR") .. "/requests-" .. id .. ".log", "w"))
    log:setvbuf("line")
    math.randomseed(id * 7919 + os.time())
end

local function record(status)
    local t = now_ms()
    log:write(string.format("%.3f %.3f %d %s\n", started, t - started, status, path))
    started = nil
end

function request()
    if started then
        record(0)
    end
    path = math.random() < 0.5 and "/get-session" or "/set-session"
    local req = wrk.format("GET", path, { Cookie = "connect.sid=" .. cookies[math.random(#cookies)] })
    if id == 1 and not checked then
        checked = true
    else
        started = now_ms()
    end
    return req
end

function response(status, headers, body)
    record(status)
end
