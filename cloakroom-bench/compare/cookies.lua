-- wrk script for the side-by-side harness: every request carries one of the pre-created session
-- cookies, picked at random, on the URL's path. No response() callback: with one, wrk hands every
-- response to Lua, which costs the load generator time on the cores the servers share.
--
-- Environment: COMPARE_COOKIES, a file of "name=value" cookie lines (Sessions.java writes it).

local threads = 0

function setup(thread)
    threads = threads + 1
    thread:set("id", threads)
end

local cookies

function init(args)
    cookies = {}
    for line in io.lines(os.getenv("COMPARE_COOKIES")) do
        if #line > 0 then
            cookies[#cookies + 1] = line
        end
    end
    math.randomseed(id * 7919 + os.time())
end

function request()
    return wrk.format(nil, nil, { Cookie = cookies[math.random(#cookies)] })
end
