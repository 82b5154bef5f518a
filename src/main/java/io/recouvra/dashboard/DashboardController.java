package io.recouvra.dashboard;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;

/** The dashboard's own pages around the figures: the login, the home page (the pages one may open), the 403 page. */
@Controller
class DashboardController {

    private final DashboardModel model;

    DashboardController(DashboardModel model) {
        this.model = model;
    }

    @GetMapping("/dashboard/login")
    String login() {
        return "dashboard/login";
    }

    @GetMapping("/dashboard")
    String home() {
        return "dashboard/home";
    }

    /** Where Spring Security forwards a refused request: says which groups may open the page asked for. */
    @RequestMapping("/dashboard/forbidden")
    @ResponseStatus(HttpStatus.FORBIDDEN)
    String forbidden(HttpServletRequest request, Model page) {
        Object asked = request.getAttribute(RequestDispatcher.FORWARD_REQUEST_URI);
        String path = asked == null ? "" : asked.toString().substring(request.getContextPath().length());
        List<String> groups = model.pageAt(path).map(DashboardPage::openTo).orElse(List.of(io.recouvra.security.RecouvraGroups.ADMINS));
        page.addAttribute("allowedGroups", groups);
        return "dashboard/forbidden";
    }
}
