Feature: The Kubernetes Basics tutorial's bootcamp image
  gcr.io/google-samples/kubernetes-bootcamp:v1 and docker.io/jocatalin/kubernetes-bootcamp (v1, v2)
  are a Node.js server on 8080 answering every path with
  `Hello Kubernetes bootcamp! | Running on: <pod hostname> | v=1` (v=2 for jocatalin's v2). No
  other tag exists: `v10` fails to pull (ErrImagePull, then ImagePullBackOff).
  From /work/notes/docs-bugs-2/kubernetes-bootcamp-image.feature (docs: tutorials/kubernetes-basics).

  Background:
    Given a cluster
    When I run "kubectl create deployment kubernetes-bootcamp --image=gcr.io/google-samples/kubernetes-bootcamp:v1"
    And I run "kubectl expose deployment/kubernetes-bootcamp --type=NodePort --port 8080"

  Scenario: expose-app: the bootcamp server answers on 8080 through the Service
    When I send 1 request to "http://kubernetes-bootcamp:8080/"
    Then all requests should succeed

  Scenario: expose-app: the answer names the version
    When I apply the manifest:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: client
      spec:
        containers:
        - name: client
          image: busybox:1.37
          args: ["sleep", "3600"]
      """
    And I wait until pod "client" is ready
    And I run "kubectl exec client -- wget -qO- http://kubernetes-bootcamp:8080/"
    Then the output should match "^Hello Kubernetes bootcamp! \| Running on: kubernetes-bootcamp-[a-z0-9]+-[a-z0-9]{5} \| v=1$"
    When I run "kubectl logs deployment/kubernetes-bootcamp"
    Then the output should contain "Kubernetes Bootcamp App Started At: 2025-01-01T00:00:"

  Scenario: update-app: the v10 tag does not exist; the rollout sticks with ImagePullBackOff
    When I run "kubectl scale deployments/kubernetes-bootcamp --replicas=4"
    And I wait until deployment "kubernetes-bootcamp" is rolled out
    And I run "kubectl set image deployments/kubernetes-bootcamp kubernetes-bootcamp=docker.io/jocatalin/kubernetes-bootcamp:v2"
    And I wait until deployment "kubernetes-bootcamp" is rolled out
    And I run "kubectl set image deployments/kubernetes-bootcamp kubernetes-bootcamp=gcr.io/google-samples/kubernetes-bootcamp:v10"
    And 35 seconds pass
    And I run "kubectl get deployments"
    Then the output should contain "kubernetes-bootcamp   3/4     2            3"
    When I run "kubectl get pods"
    Then the output should contain "ImagePullBackOff"
    When I run "kubectl rollout undo deployments/kubernetes-bootcamp"
    Then the output should be:
      """
      deployment.apps/kubernetes-bootcamp rolled back
      """
    When I wait until deployment "kubernetes-bootcamp" is rolled out
    Then all pods of deployment "kubernetes-bootcamp" should run image "docker.io/jocatalin/kubernetes-bootcamp:v2"
    And deployment "kubernetes-bootcamp" should be at revision 4

  Scenario: the jocatalin v2 image answers v=2
    When I run "kubectl set image deployments/kubernetes-bootcamp kubernetes-bootcamp=docker.io/jocatalin/kubernetes-bootcamp:v2"
    And I wait until deployment "kubernetes-bootcamp" is rolled out
    And I send a request to "http://kubernetes-bootcamp:8080/any/path"
    Then the response should contain "| v=2"
