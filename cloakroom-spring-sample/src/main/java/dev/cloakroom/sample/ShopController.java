package dev.cloakroom.sample;

import dev.cloakroom.Session;
import dev.cloakroom.UserSessions;
import dev.cloakroom.servlet.CloakroomFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import static org.springframework.web.util.HtmlUtils.htmlEscape;

/** The shop's pages: who is logged in, the cart, signing out other devices, and a page that fails. */
@RestController
public class ShopController {

    private static final String CART = "cart";

    private final UserSessions users;

    /**
     * The pages, with the user sessions the Cloakroom starter offers as a bean.
     *
     * @param users every user's sessions, for signing out other devices
     */
    public ShopController(UserSessions users) {
        this.users = users;
    }

    /**
     * {@return the home page, naming who is logged in}
     *
     * @param user the logged-in user
     */
    @GetMapping(value = "/", produces = MediaType.TEXT_HTML_VALUE)
    public String home(Authentication user) {
        return page("Welcome", "<p>Logged in as <b id=\"user\">" + htmlEscape(user.getName()) + "</b>.</p>"
                + "<p><a href=\"/cart\">Your cart</a> · <a href=\"/devices\">Your devices</a> · <a href=\"/logout\">Log out</a></p>");
    }

    /**
     * {@return how many sessions the user has, and a form to sign out all the others}
     *
     * @param request the request, whose session the login bound to the user
     * @param csrf    the CSRF token the form carries
     */
    @GetMapping(value = "/devices", produces = MediaType.TEXT_HTML_VALUE)
    public String devices(HttpServletRequest request, CsrfToken csrf) {
        Session session = CloakroomFilter.session(request);
        if (session.boundUser().isEmpty()) {
            return page("Your devices", "<p>Log in with your password to see your devices; a remember-me login is not bound.</p>");
        }
        int count = users.list(session).size();
        return page("Your devices", "<p>Signed in on <b id=\"devices\">" + count + "</b> device(s).</p>"
                + "<form method=\"post\" action=\"/devices\">"
                + "<input name=\"" + csrf.getParameterName() + "\" type=\"hidden\" value=\"" + htmlEscape(csrf.getToken()) + "\">"
                + "<button>Sign out everywhere else</button></form>");
    }

    /**
     * Ends every other session of the user, as after a password change; this one stays.
     *
     * @param request the request, whose session the login bound to the user
     * @param csrf    the CSRF token the devices page's form carries
     * @return the devices page
     */
    @PostMapping(value = "/devices", produces = MediaType.TEXT_HTML_VALUE)
    public String signOutOthers(HttpServletRequest request, CsrfToken csrf) {
        Session session = CloakroomFilter.session(request);
        if (session.boundUser().isPresent()) {
            users.revokeOthers(session);
        }
        return devices(request, csrf);
    }

    /**
     * {@return the cart page: the {@link Cart} in the session, read back with a cast, and a form to add to it}
     *
     * @param session the HTTP session, a Cloakroom session
     * @param csrf    the CSRF token the form carries
     */
    @GetMapping(value = "/cart", produces = MediaType.TEXT_HTML_VALUE)
    public String cart(HttpSession session, CsrfToken csrf) {
        Cart cart = (Cart) session.getAttribute(CART);
        StringBuilder rows = new StringBuilder();
        for (Item item : cart == null ? Cart.empty().items() : cart.items()) {
            rows.append("<li class=\"item\">").append(item.quantity()).append(" × ").append(htmlEscape(item.name())).append("</li>");
        }
        return page("Your cart", "<ul>" + rows + "</ul>"
                + "<form method=\"post\" action=\"/cart\">"
                + "<input name=\"" + csrf.getParameterName() + "\" type=\"hidden\" value=\"" + htmlEscape(csrf.getToken()) + "\">"
                + "<input name=\"name\"> <input name=\"quantity\" value=\"1\"> <button>Add</button></form>");
    }

    /**
     * Adds to the cart in the session.
     *
     * @param session  the HTTP session, a Cloakroom session
     * @param csrf     the CSRF token the form carries
     * @param name     the product
     * @param quantity how many, 1 unless given
     * @return the cart page
     */
    @PostMapping(value = "/cart", produces = MediaType.TEXT_HTML_VALUE)
    public String add(HttpSession session, CsrfToken csrf, @RequestParam String name, @RequestParam(defaultValue = "1") int quantity) {
        Cart cart = (Cart) session.getAttribute(CART);
        session.setAttribute(CART, (cart == null ? Cart.empty() : cart).add(name, quantity));
        return cart(session, csrf);
    }

    /**
     * Always fails, to show that the error page keeps the Cloakroom session.
     *
     * @return never
     * @throws IllegalStateException always
     */
    @GetMapping("/boom")
    public String boom() {
        throw new IllegalStateException("the shop fell over");
    }

    private static String page(String title, String body) {
        return "<!doctype html><html><head><title>" + title + "</title></head><body><h1>" + title + "</h1>" + body + "</body></html>";
    }
}
