package org.safeguardfhir.server.sdc;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.FluentWait;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A screening Questionnaire as LHC-Forms renders it, answered the way a clinician does: by clicking and typing in its
 * widgets. LHC-Forms gives each item an element {@code lhc-item#item-<linkId>/<repetition path>}; a choice item with
 * an answerValueSet is an autocomplete text box whose list opens below it (in {@code #completionOptions}, one
 * {@code li} per answer, shown as "1:  Display"); a boolean is three radio buttons, Yes, No and Not Answered, whose
 * labels have ids ending in {@code |true}, {@code |false} and {@code |null}.
 */
final class ScreeningForm {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final WebDriver driver;

    private ScreeningForm(WebDriver driver) {
        this.driver = driver;
    }

    /**
     * Opens the page and renders the Questionnaire with this canonical URL for the patient, with the token the page
     * sends to the server, as a SMART app launched for that patient would. Returns once LHC-Forms reports the form
     * ready: answer lists loaded, pre-population and calculations done.
     */
    static ScreeningForm render(
            WebDriver driver, RendererPage page, String questionnaireUrl, String patientId, String token) {
        driver.get(page.url());
        var form = new ScreeningForm(driver);
        form.waiting(() -> "the renderer page did not load")
                .until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d)
                        .executeScript("return typeof renderScreening === 'function' && !!window.LForms")));
        Object failure = ((JavascriptExecutor) driver)
                .executeAsyncScript(
                        """
                        var done = arguments[arguments.length - 1];
                        renderScreening(arguments[0], arguments[1], arguments[2]).then(
                            function () { done(null); },
                            function (error) { done(error instanceof Error ? error.message : JSON.stringify(error)); });
                        """,
                        questionnaireUrl,
                        patientId,
                        token);
        if (failure != null) {
            throw new AssertionError("LHC-Forms could not render " + questionnaireUrl + ": " + failure);
        }
        return form;
    }

    /** Picks the answer shown as {@code display} from the item's answer list, as a clinician clicks it. */
    ScreeningForm choose(String linkId, String display) {
        WebElement input = item(linkId).findElement(By.cssSelector("input[role=combobox]"));
        click(input);
        WebElement answer = waiting(
                        () -> "no answer \"" + display + "\" in the list of " + linkId + "; shown: " + shownAnswers())
                .ignoring(ElementClickInterceptedException.class)
                .until(d -> {
                    var found = d.findElements(By.cssSelector("#completionOptions li")).stream()
                            .filter(WebElement::isDisplayed)
                            .filter(li -> display.equals(answerText(li)))
                            .findFirst();
                    // A click that lands while the form is re-laid out may not open the list: open it again.
                    if (found.isEmpty() && !"true".equals(input.getAttribute("aria-expanded"))) {
                        input.click();
                    }
                    return found.orElse(null);
                });
        click(answer);
        // A single-answer list closes on the click; a repeating item's stays open for more, until Escape.
        if ("true".equals(input.getAttribute("aria-expanded"))) {
            input.sendKeys(Keys.ESCAPE);
        }
        waiting(() -> "the answer list of " + linkId + " stays open")
                .until(d -> "false".equals(input.getAttribute("aria-expanded")));
        waiting(() -> linkId + " does not show \"" + display + "\" as chosen but " + shownAnswer(linkId))
                .until(d -> shownAnswer(linkId).contains(display));
        return this;
    }

    /**
     * Clicks Yes or No on a boolean item, again if the first click did not take: one that lands while the form is
     * still re-laid out after the previous answer can miss the radio button without Selenium noticing.
     */
    ScreeningForm answer(String linkId, boolean value) {
        By radio = By.cssSelector("label[id$='|" + value + "']");
        waiting(() -> linkId + " does not take " + value)
                .ignoring(ElementClickInterceptedException.class)
                .ignoring(StaleElementReferenceException.class)
                .until(d -> {
                    if (checked(item(linkId).findElement(radio))) {
                        return true;
                    }
                    item(linkId).findElement(radio).click();
                    return checked(item(linkId).findElement(radio));
                });
        return this;
    }

    private static boolean checked(WebElement radio) {
        return radio.getAttribute("class").contains("ant-radio-wrapper-checked");
    }

    /** Types into a string or text item. */
    ScreeningForm type(String linkId, String text) {
        WebElement input = item(linkId).findElement(By.cssSelector("input, textarea"));
        input.clear();
        input.sendKeys(text);
        return this;
    }

    /** Waits until the item is on the page, as it is once its enableWhen holds. */
    ScreeningForm awaitShown(String linkId) {
        waiting(() -> linkId + " is not shown")
                .until(d -> !d.findElements(itemSelector(linkId)).isEmpty());
        return this;
    }

    /** What the item's widget shows as answered: the chosen answers' labels, or Yes/No for a boolean. */
    List<String> shownAnswer(String linkId) {
        WebElement item = item(linkId);
        List<WebElement> checked = item.findElements(By.cssSelector("label.ant-radio-wrapper-checked"));
        if (!checked.isEmpty()) {
            return checked.stream()
                    .filter(label -> !label.getAttribute("id").endsWith("|null"))
                    .map(WebElement::getText)
                    .toList();
        }
        List<String> chips = item.findElements(By.cssSelector(".autocomp_selected li")).stream()
                .map(li -> li.getText().replace("×", "").trim())
                .toList();
        if (!chips.isEmpty()) {
            return chips;
        }
        return item.findElements(By.cssSelector("input, textarea")).stream()
                .map(input -> input.getAttribute("value"))
                .filter(Objects::nonNull)
                .filter(value -> !value.isBlank())
                .toList();
    }

    /** All the text the form shows. */
    String text() {
        return driver.findElement(By.cssSelector("#formContainer")).getText();
    }

    /** The renderer's own QuestionnaireResponse for what is on the page now, as LHC-Forms serialises it. */
    String response() {
        return (String) ((JavascriptExecutor) driver).executeScript("return JSON.stringify(screeningResponse())");
    }

    private WebElement item(String linkId) {
        return waiting(() -> "no item " + linkId + " on the page")
                .until(d -> d.findElements(itemSelector(linkId)).stream()
                        .findFirst()
                        .orElse(null));
    }

    /**
     * Clicks once the element is where it is drawn: while Angular re-lays the form out (an item enabled, a list
     * closing), another element can sit at the point Selenium scrolled to for a moment.
     */
    private void click(WebElement element) {
        waiting(() -> "could not click " + element)
                .ignoring(ElementClickInterceptedException.class)
                .until(d -> {
                    element.click();
                    return true;
                });
    }

    private FluentWait<WebDriver> waiting(Supplier<String> message) {
        return new WebDriverWait(driver, PATIENCE).withMessage(message);
    }

    private static By itemSelector(String linkId) {
        return By.cssSelector("lhc-item[id^='item-" + linkId + "/']");
    }

    private List<String> shownAnswers() {
        return driver.findElements(By.cssSelector("#completionOptions li")).stream()
                .filter(WebElement::isDisplayed)
                .map(ScreeningForm::answerText)
                .toList();
    }

    /** An answer list entry's label without the number LHC-Forms puts in front ("3:  Parent or carer"). */
    private static String answerText(WebElement li) {
        return li.getText().replaceFirst("^\\d+:\\s*", "").trim();
    }
}
