package dev.encore.engine.journey.sandbox;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

import org.springframework.stereotype.Component;

/**
 * Finds code in a BPMN or DMN file, whatever namespace it hides in: Java classes
 * ({@code camunda:class}, the legacy {@code activiti:class}, mapping and form classes),
 * scripts (script tasks, inline and external scripts, script conditions), connectors,
 * delegate and task expressions that are not a journey bean, listeners other than journey
 * beans, expressions the sandbox would refuse ({@link ExpressionCheck}), and in DMN any
 * expression language but FEEL and FEEL's external (Java) functions. The deploy API
 * answers its findings as 422; {@link CodeRefusal} refuses them at every other door.
 */
@Component
public class CodeScan {

	private static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";

	/** Namespaces of the standards themselves; any other holds an engine's extensions. */
	private static final Set<String> STANDARD = Set.of(BPMN, "http://www.omg.org/spec/BPMN/20100524/DI",
			"http://www.omg.org/spec/DD/20100524/DC", "http://www.omg.org/spec/DD/20100524/DI",
			"https://www.omg.org/spec/DMN/20191111/MODEL/", "http://www.omg.org/spec/DMN/20180521/MODEL/",
			"http://www.omg.org/spec/DMN/20151101/dmn.xsd", "https://www.omg.org/spec/DMN/20230324/MODEL/",
			"https://www.omg.org/spec/DMN/20211108/MODEL/", "https://www.omg.org/spec/DMN/20191111/DMNDI/",
			"http://www.omg.org/spec/DMN/20180521/DMNDI/", "http://www.w3.org/2001/XMLSchema-instance",
			XMLConstants.XMLNS_ATTRIBUTE_NS_URI);

	private static final Set<String> TASKS_AND_LISTENERS = Set.of("serviceTask", "sendTask", "businessRuleTask",
			"executionListener", "taskListener");

	private static final Pattern BEAN_REFERENCE = Pattern.compile("^\\s*[$#]\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*}\\s*$");

	private static final Pattern FEEL_EXTERNAL = Pattern.compile("\\bexternal\\s*\\{");

	private final JourneyBeanTypes journeyBeans;

	private final ExpressionCheck expressions;

	public CodeScan(JourneyBeanTypes journeyBeans) {
		this.journeyBeans = journeyBeans;
		this.expressions = new ExpressionCheck(journeyBeans);
	}

	/** A place in a file that carries code: the nearest element id and what is wrong. */
	public record Finding(String elementId, String message) {

		@Override
		public String toString() {
			return this.elementId + ": " + this.message;
		}

	}

	/** Findings of one BPMN ({@code dmn=false}) or DMN file. */
	public List<Finding> scan(byte[] xml, boolean dmn) {
		List<Finding> findings = new ArrayList<>();
		Element root = parse(xml);
		if (root == null) {
			// What cannot be read cannot be vouched for.
			findings.add(new Finding(null, "cannot be read as XML (a DOCTYPE is not allowed)"));
		}
		else {
			walk(root, null, dmn, findings);
		}
		return findings;
	}

	private void walk(Element element, String nearestId, boolean dmn, List<Finding> findings) {
		String id = element.hasAttribute("id") ? element.getAttribute("id") : nearestId;
		if (dmn) {
			checkDmn(element, id, findings);
		}
		else if (checkBpmn(element, id, findings)) {
			return;
		}
		for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
			if (child instanceof Element next) {
				walk(next, id, dmn, findings);
			}
			else if (!dmn
					&& (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE)) {
				checkExpressions(child.getNodeValue(), id, findings);
			}
		}
	}

	/**
	 * @return true when the element is refused whole (its content is code).
	 */
	private boolean checkBpmn(Element element, String id, List<Finding> findings) {
		String name = element.getLocalName();
		boolean extension = !STANDARD.contains(element.getNamespaceURI());
		if ("scriptTask".equals(name)) {
			findings.add(new Finding(id, "script tasks are not allowed: use a send task or a business rule task"));
			return true;
		}
		if ("script".equals(name) && extension) {
			findings.add(new Finding(id, "inline scripts are not allowed (listener, input/output or external script)"));
			return true;
		}
		if (("conditionExpression".equals(name) || "condition".equals(name)) && element.hasAttribute("language")) {
			findings.add(new Finding(id, "script conditions are not allowed: use an ${...} expression"));
			return true;
		}
		if (extension && "connector".equals(name)) {
			findings.add(new Finding(id, "connectors are not allowed: a journey calls out only through its channels"));
			return true;
		}
		if (extension && "constraint".equals(name) && "validator".equals(element.getAttribute("name"))) {
			findings.add(new Finding(id, "custom form validators are Java classes and are not allowed"));
			return true;
		}
		NamedNodeMap attributes = element.getAttributes();
		for (int i = 0; i < attributes.getLength(); i++) {
			Attr attribute = (Attr) attributes.item(i);
			String attributeName = attribute.getLocalName() != null ? attribute.getLocalName() : attribute.getName();
			boolean extensionAttribute = attribute.getNamespaceURI() != null
					? !STANDARD.contains(attribute.getNamespaceURI()) : extension;
			if (extensionAttribute) {
				checkExtensionAttribute(name, attributeName, attribute.getValue(), id, findings);
			}
			else {
				checkExpressions(attribute.getValue(), id, findings);
			}
		}
		return false;
	}

	private void checkExtensionAttribute(String element, String attribute, String value, String id,
			List<Finding> findings) {
		if ("class".equals(attribute) || attribute.endsWith("Class")) {
			findings.add(new Finding(id, "runs a Java class (" + attribute + "=\"" + value
					+ "\"): classes are not allowed, use a journey bean such as ${encoreSend}"));
		}
		else if ("scriptFormat".equals(attribute) || "resource".equals(attribute)) {
			findings.add(new Finding(id, "scripts are not allowed (" + attribute + ")"));
		}
		else if (attribute.endsWith("delegateExpression") || attribute.endsWith("DelegateExpression")) {
			Matcher bean = BEAN_REFERENCE.matcher(value);
			if (!bean.matches() || this.journeyBeans.type(bean.group(1)) == null) {
				findings.add(new Finding(id, attribute + " '" + value
						+ "' is not a journey bean: use one of Encore's element templates (e.g. ${encoreSend})"));
			}
		}
		else if ("expression".equals(attribute) && TASKS_AND_LISTENERS.contains(element)) {
			if (!this.expressions.isJourneyBeanCall(value)) {
				findings.add(new Finding(id, "expression '" + value
						+ "' is not a journey bean call such as ${replenishment.prepareReminder(execution)}"));
			}
		}
		else {
			checkExpressions(value, id, findings);
		}
	}

	private void checkExpressions(String text, String id, List<Finding> findings) {
		if (text != null && (text.contains("${") || text.contains("#{"))) {
			List<String> problems = this.expressions.problems(text.strip());
			if (!problems.isEmpty()) {
				findings.add(new Finding(id, "expression '" + text.strip() + "' " + String.join(", ", problems)));
			}
		}
	}

	private static void checkDmn(Element element, String id, List<Finding> findings) {
		String language = element.getAttribute("expressionLanguage");
		if (!language.isEmpty() && !feel(language)) {
			findings
				.add(new Finding(id, "uses the expression language '" + language + "': DMN in Encore is FEEL only"));
		}
		if ("text".equals(element.getLocalName()) && FEEL_EXTERNAL.matcher(element.getTextContent()).find()) {
			findings.add(new Finding(id, "defines a FEEL external function, which would call Java: not allowed"));
		}
	}

	private static boolean feel(String language) {
		String lower = language.strip().toLowerCase(Locale.ROOT);
		return "feel".equals(lower) || lower.matches("https?://www\\.omg\\.org/spec/(feel/20140401|dmn/\\d{8}/feel/?)");
	}

	private static Element parse(byte[] xml) {
		try {
			DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
			factory.setNamespaceAware(true);
			factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
			factory.setXIncludeAware(false);
			factory.setExpandEntityReferences(false);
			return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml)).getDocumentElement();
		}
		catch (Exception ex) {
			return null;
		}
	}

}
