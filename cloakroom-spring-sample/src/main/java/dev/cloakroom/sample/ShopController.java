package dev.cloakroom.sample;

import jakarta.servlet.http.HttpSession;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import static org.springframework.web.util.HtmlUtils.htmlEscape;

/** The shop's pages: who is logged in, the cart, and a page that fails. */
@RestController
public class ShopController {

    private static final String CART = "cart";

    /**
     * {@return the home page, naming who is logged in}
     *
     * @param user the logged-in user
     */
    @GetMapping(value = "/", produces = MediaType.TEXT_HTML_VALUE)
    public String home(Authentication user) {
        return page("Welcome", "<p>Logged in as <b id=\"user\">" + htmlEscape(user.getName()) + "</b>.</p>"
                + "<p><a href=\"/cart\">Your cart</a> · <a href=\"/logout\">Log out</a></p>");
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
